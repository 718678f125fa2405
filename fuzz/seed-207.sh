# fuzz seed 207: nsnet differs from the real kernel in `ip route del 192.168.1.0/16 via 10.0.2.10 table 100` (shrunk from 42 to 5 commands)
#   -Error: Invalid prefix for given prefix length.
#   +Error: FIB table does not exist.
#    [exit 2]
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
ip route del 192.168.1.0/16 via 10.0.2.10 table 100
