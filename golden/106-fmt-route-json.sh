# ip -j / -j -p route: main and local tables, gateways, metrics, src, scope, types (blackhole/unreachable/prohibit), table 100, route get, no match ([]), a missing table (error and a lone [)
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
ip -j route show table 100
ip route add default via 10.0.0.2 metric 5
ip route add 192.168.1.0/24 via 10.1.0.2 src 10.1.0.1
ip route add 192.168.2.0/24 dev veth2 scope link metric 20
ip route add blackhole 10.99.0.0/16
ip route add unreachable 10.98.0.0/16
ip route add prohibit 10.97.0.0/16
ip route add 172.16.0.0/12 via 10.0.0.2 table 100
ip -j route
ip -j -p route
ip -j -p route show table local
ip -j route show table 100
ip -j route show table all
ip -j -p route get 192.168.1.5
ip -j route get 10.0.0.1
ip -j route show 10.77.0.0/16
ip -j route show table 300
