# listing order of many routes added in scrambled order: by prefix address then length, default first, metrics, tos; ip -4 route; table all; match/root/exact selectors
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 address 02:00:00:00:00:04
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.1.0.1/24 dev veth2
ip link set veth0 up
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
ping -q -c 2 127.0.0.1
ip route add 192.168.3.0/24 via 10.0.0.2
ip route add 10.20.0.0/16 via 10.1.0.2
ip route add 192.168.0.0/16 via 10.0.0.2
ip route add 10.20.30.0/24 via 10.1.0.2
ip route add 8.8.8.8 via 10.0.0.2
ip route add 10.0.0.0/8 via 10.1.0.2
ip route add 192.168.3.0/24 via 10.1.0.2 metric 7
ip route add 0.0.0.0/1 via 10.0.0.2
ip route add 128.0.0.0/1 via 10.1.0.2
ip route add default via 10.0.0.2 metric 300
ip route add default via 10.1.0.2 metric 200
ip route add 10.20.30.40 via 10.1.0.2
ip route add 172.31.255.0/24 dev veth0
ip route add 10.20.0.0/16 via 10.0.0.2 tos 0x10
ip route
ip -4 route
ip route show table all
ip route list match 10.20.30.40
ip route list match 10.20.30.41
ip route list root 10.20.0.0/16
ip route list root 10.0.0.0/8
ip route list exact 10.20.0.0/16
ip route list exact 10.20.0.0/17
ip route show match 192.168.3.1
ip route show to match 192.168.99.1
ip route show to exact 0.0.0.0/0
ip route show via 10.1.0.2
ip route show proto kernel
ip route show proto static
ip route show scope link
ip route show type unicast table local
ip route show tos 0x10
