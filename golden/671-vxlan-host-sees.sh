# the overlay contrast to 670: pod1 (behind veth1, routed by the host) pings node2 across a vxlan
# overlay; the host sees each packet twice: inner (PREROUTING, FORWARD, POSTROUTING) and outer (the
# UDP encapsulation at OUTPUT/POSTROUTING; the encapsulated reply at PREROUTING/INPUT)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add node2
ip netns add pod1
ip netns exec node2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv4.ip_forward=1
ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns node2
ip addr add 192.168.1.10/24 dev eth0
ip -n node2 addr add 192.168.1.20/24 dev eth0
ip link set eth0 up
ip -n node2 link set eth0 up
ip link add veth1 address 02:00:00:00:01:01 type veth peer name eth0 address 02:00:00:00:01:02 netns pod1
ip addr add 10.244.1.1/24 dev veth1
ip link set veth1 up
ip -n pod1 addr add 10.244.1.2/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod1 route add default via 10.244.1.1
ip link add vx0 address 02:00:00:00:0a:01 type vxlan id 1 local 192.168.1.10 dev eth0 dstport 8472 nolearning
ip addr add 10.244.1.0/32 dev vx0
ip link set vx0 up
ip route add 10.244.2.0/24 via 10.244.2.0 dev vx0 onlink
ip neigh add 10.244.2.0 lladdr 02:00:00:00:0a:02 dev vx0 nud permanent
bridge fdb append 02:00:00:00:0a:02 dev vx0 dst 192.168.1.20
ip -n node2 link add vx0 address 02:00:00:00:0a:02 type vxlan id 1 local 192.168.1.20 dev eth0 dstport 8472 nolearning
ip -n node2 addr add 10.244.2.0/24 dev vx0
ip -n node2 link set vx0 up
ip -n node2 route add 10.244.1.0/24 via 10.244.1.0 dev vx0 onlink
ip -n node2 neigh add 10.244.1.0 lladdr 02:00:00:00:0a:01 dev vx0 nud permanent
ip -n node2 link set lo up
ip netns exec node2 bridge fdb append 02:00:00:00:0a:01 dev vx0 dst 192.168.1.10
iptables -t mangle -A PREROUTING
iptables -t mangle -A INPUT
iptables -t mangle -A FORWARD
iptables -t mangle -A OUTPUT
iptables -t mangle -A POSTROUTING
sleep 1
ip netns exec pod1 ping -c 3 -i 0.2 -W 1 10.244.2.0
iptables -t mangle -L -v -n -x
ip -s link show vx0
