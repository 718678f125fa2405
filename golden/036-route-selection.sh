# route selection: longest prefix wins, then the lowest metric; deleting the winner falls back; the source address is the primary of the outgoing device unless src is set
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 address 02:00:00:00:00:04
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.9/24 dev veth0
ip addr add 10.1.0.1/24 dev veth2
ip link set veth0 up
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
ping -q -c 2 127.0.0.1
ip route add 172.16.0.0/12 via 10.0.0.2
ip route add 172.16.5.0/24 via 10.1.0.2
ip route add 172.16.5.7 via 10.0.0.3
ip route get 172.16.9.9
ip route get 172.16.5.9
ip route get 172.16.5.7
ip route add 192.168.1.0/24 via 10.0.0.2 metric 200
ip route add 192.168.1.0/24 via 10.1.0.2 metric 100
ip route get 192.168.1.1
ip route del 192.168.1.0/24 via 10.1.0.2 metric 100
ip route get 192.168.1.1
ip route add 192.168.2.0/24 via 10.0.0.2 src 10.0.0.9
ip route get 192.168.2.1
ip route add 10.0.0.128/25 dev veth2
ip route get 10.0.0.130
ip route get 10.0.0.2
ip route show
