# ip route add/show: via, dev, src, metric, default, onlink-less gateway checks, listing order, show filters, abbreviations
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
ip route add 192.168.5.0/24 via 10.0.0.2
ip route add 192.168.7.0/24 via 10.0.0.2 metric 50 src 10.0.0.1
ip route add 192.168.7.0/24 via 10.1.0.2 metric 100
ip route add 192.168.8.0/24 dev veth0
ip route add 192.168.8.128/25 dev veth2 scope link
ip route add 172.16.0.0/12 via 10.1.0.2 dev veth2
ip route add 10.200.0.1 via 10.0.0.2
ip route add default via 10.0.0.254
ip route add default via 10.1.0.254 metric 10
ip route show
ip route
ip r
ip route show dev veth2
ip route show via 10.0.0.2
ip route show 192.168.7.0/24
ip route show root 192.168.0.0/16
ip route show match 192.168.8.130
ip route show exact 192.168.8.0/24
ip route show default
ip route list proto kernel
ip route show scope link
ip -o route show dev veth0
ip -j route show 192.168.7.0/24
ip -j -p route show default
ip -4 route
