# fuzz seed 134: nsnet differs from the real kernel in `ip -n c route show table local` (shrunk from 41 to 7 commands)
#   -Error: ipv4: FIB table does not exist.
#   -Dump terminated
#   -[exit 2]
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
ip netns add c
ip netns exec c sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n c route show table local
