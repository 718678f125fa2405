# fuzz seed 7: nsnet differs from the real kernel in `ping -q -c 2 127.0.0.1` (shrunk from 25 to 6 commands)
#    PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
#    
#    --- 127.0.0.1 ping statistics ---
#   -2 packets transmitted, 0 received, 100% packet loss, time Xms
#   -
#   -[exit 1]
#   +2 packets transmitted, 2 received, 0% packet loss, time Xms
#   +rtt min/avg/max/mdev = X
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip neigh add 10.0.1.9 lladdr 02:00:00:00:00:01 dev lo nud stale
ping -q -c 2 127.0.0.1
ping -q -c 2 127.0.0.1
