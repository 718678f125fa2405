# fuzz seed 2: nsnet differs from the real kernel in `ip neigh add 10.0.3.3 lladdr 02:00:00:00:00:01 dev lo nud noarp` (shrunk from 28 to 5 commands)
#   +RTNETLINK answers: File exists
#   +[exit 2]
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
ip neigh add 10.0.3.3 lladdr 02:00:00:00:00:01 dev lo nud noarp
