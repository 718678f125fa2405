# ping on loopback: default output, -c/-i/-q/-n/-s/-t, the whole 127/8, ttl, exit 0
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -c 1 127.0.0.1
ping -c 3 -i 0.2 127.0.0.1
ping -c 2 -i 0.2 -q 127.0.0.1
ping -c 1 -n 127.0.0.1
ping -c 1 -s 0 127.0.0.1
ping -c 1 -s 8 127.0.0.1
ping -c 1 -s 1000 127.0.0.1
ping -c 1 -s 65507 127.0.0.1
ping -c 1 -t 1 127.0.0.1
ping -c 1 127.255.255.254
ping -c 1 -i 0.2 -W 1 -q localhost
ping -c 1 localhost
