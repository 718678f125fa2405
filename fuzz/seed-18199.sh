# fuzz seed 18199: nsnet differs from the real kernel in `ip link add veth2 address 02:00:00:00:00:03 type veth peer name eth0 address 02:00:00:00:00:04` (shrunk from 46 to 11 commands)
#   -RTNETLINK answers: File exists
#   -[exit 2]
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add eth0 address 02:00:00:00:00:01 type veth peer name veth0 address 02:00:00:00:00:02
ip link set veth0 netns b
ping -q -c 2 127.0.0.1
ip -n b link set veth0 up
ip netns del b
ip link add veth2 address 02:00:00:00:00:03 type veth peer name eth0 address 02:00:00:00:00:04
