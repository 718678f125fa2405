# fuzz seed 462: nsnet differs from the real kernel in `ip link set veth0 netns a` (shrunk from 35 to 8 commands)
#   -Error: An interface with the same name exists in the target netns.
#   +RTNETLINK answers: File exists
#    [exit 2]
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth2 address 02:00:00:00:00:02 netns a
ip -n a link add veth0 address 02:00:00:00:00:03 type veth peer name eth0 address 02:00:00:00:00:04
ip link set veth0 netns a
