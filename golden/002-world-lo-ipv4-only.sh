# lo with IPv6 disabled first: only inet lines; lo down again keeps its address but loses the broadcast route and pings fail
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip addr show lo
ip -br addr
ip -4 -o addr show lo
ping -c 2 -i 0.2 127.0.0.1
ip -s link show lo
ip link set lo down
ip link show lo
ip addr show lo
ip route show table local
ping -c 1 -W 1 127.0.0.1
ip link set lo up
ping -c 1 127.0.0.1
