# fuzz seed 49: nsnet differs from the real kernel in `ip -n a route del prohibit 192.168.1.0/24 metric 100` (shrunk from 38 to 7 commands)
#   -Error: FIB table does not exist.
#   +RTNETLINK answers: No such process
#    [exit 2]
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n a route del prohibit 192.168.1.0/24 metric 100
