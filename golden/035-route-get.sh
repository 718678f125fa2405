# ip route get: connected, gateway, local, broadcast, loopback, with from/oif/iif, unreachable destinations, JSON
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
ip route get 10.0.0.2
ip route get 10.0.0.1
ip route get 10.0.0.255
ip route get 127.0.0.1
ip route get 127.9.9.9
ip route get 255.255.255.255
ip route get 8.8.8.8
ip route add default via 10.0.0.254
ip route get 8.8.8.8
ip route get 8.8.8.8 oif veth2
ip route get 8.8.8.8 from 10.1.0.1
ip route get 10.1.0.2 from 10.0.0.1
ip route get to 10.1.0.2
ip route get 10.0.0.2 from 10.1.0.2 iif veth3
ip route get 8.8.8.8 from 10.1.0.2 iif veth3
ip -j route get 10.0.0.2
ip -j -p route get 8.8.8.8
ip route get 10.0.0.0/24
ip route get
ip route get 10.0.0.2 oif nope
