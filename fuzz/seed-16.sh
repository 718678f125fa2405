# fuzz seed 16: nsnet differs from the real kernel in `ip route show table 100` (shrunk from 34 to 6 commands)
#   +Error: ipv4: FIB table does not exist.
#   +Dump terminated
#   +[exit 2]
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip route add 192.168.2.0/24 via 10.0.1.1 table 100 metric 10
ping -q -c 2 127.0.0.1
ip route show table 100
