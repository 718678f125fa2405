# extra addresses on lo: 127.0.0.2/8 becomes a secondary, a /32 and a /24 (whole subnet local, no main route), lo down/up rebuilds the broadcast routes, deleting 127.0.0.1 with promote_secondaries, then the last 127/8 address
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip addr add 127.0.0.2/8 dev lo
ip addr add 10.9.9.9/32 dev lo
ip addr add 10.8.0.1/24 dev lo
ip addr show dev lo
ip route show table local
ip route
ping -c 1 10.9.9.9
ping -c 1 10.8.0.77
ping -c 1 -I 10.9.9.9 127.0.0.1
ip link set lo down
ip addr show dev lo
ip route show table local
ip link set lo up
ip route show table local
ip route
sysctl -w net.ipv4.conf.lo.promote_secondaries=1
ip addr del 127.0.0.1/8 dev lo
ip addr show dev lo
ping -c 1 127.0.0.1
ip addr del 127.0.0.2/8 dev lo
ping -c 1 127.0.0.1
ip route show table local
ip -br addr
