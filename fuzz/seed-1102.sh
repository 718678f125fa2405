# fuzz seed 1102: nsnet differs from the real kernel in `ip netns exec b ip netns list` (shrunk from 41 to 12 commands)
#   -a (id: 0)
#   +a
#    b
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ping -q -c 2 127.0.0.1
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec a ip link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip netns exec b ip neigh add 10.0.2.9 lladdr 02:00:00:00:00:0a dev eth0 nud noarp
ping -q -c 2 127.0.0.1
ip netns exec b ip netns list
