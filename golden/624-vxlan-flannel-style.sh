# flannel's vxlan backend by hand: each node (netns) has flannel.1 (VNI 1, nolearning, dstport 8472)
# with a /32 address, a route to the other node's pod subnet via that node's flannel.1 address
# (onlink), and a permanent neighbour + fdb entry the agent would write; pods hang off cni0
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add node1
ip netns add node2
ip netns add pod1
ip netns add pod2
ip netns exec node1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec node2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec node1 sysctl -q -w net.ipv4.ip_forward=1
ip netns exec node2 sysctl -q -w net.ipv4.ip_forward=1
ip -n node1 link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns node2
ip -n node1 addr add 172.16.0.1/24 dev eth0
ip -n node2 addr add 172.16.0.2/24 dev eth0
ip -n node1 link set eth0 up
ip -n node2 link set eth0 up
ip -n node1 link add flannel.1 address 02:00:00:00:f1:01 type vxlan id 1 local 172.16.0.1 dev eth0 nolearning dstport 8472
ip -n node2 link add flannel.1 address 02:00:00:00:f1:02 type vxlan id 1 local 172.16.0.2 dev eth0 nolearning dstport 8472
ip -n node1 addr add 10.244.0.0/32 dev flannel.1
ip -n node2 addr add 10.244.1.0/32 dev flannel.1
ip -n node1 link set flannel.1 up
ip -n node2 link set flannel.1 up
ip -n node1 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
ip -n node2 route add 10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink
ip -n node1 neigh add 10.244.1.0 lladdr 02:00:00:00:f1:02 dev flannel.1 nud permanent
ip -n node2 neigh add 10.244.0.0 lladdr 02:00:00:00:f1:01 dev flannel.1 nud permanent
bridge -n node1 fdb append 02:00:00:00:f1:02 dev flannel.1 dst 172.16.0.2
bridge -n node2 fdb append 02:00:00:00:f1:01 dev flannel.1 dst 172.16.0.1
ip -n node1 link add cni0 address 02:00:00:00:c0:01 type bridge
ip -n node2 link add cni0 address 02:00:00:00:c0:02 type bridge
ip -n node1 addr add 10.244.0.1/24 dev cni0
ip -n node2 addr add 10.244.1.1/24 dev cni0
ip -n node1 link add veth1 address 02:00:00:00:0c:01 type veth peer name eth0 address 02:00:00:00:0d:01 netns pod1
ip -n node2 link add veth1 address 02:00:00:00:0c:02 type veth peer name eth0 address 02:00:00:00:0d:02 netns pod2
ip -n node1 link set veth1 master cni0
ip -n node2 link set veth1 master cni0
ip -n node1 link set veth1 up
ip -n node2 link set veth1 up
ip -n node1 link set cni0 up
ip -n node2 link set cni0 up
ip -n pod1 addr add 10.244.0.2/24 dev eth0
ip -n pod2 addr add 10.244.1.2/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod2 link set eth0 up
ip -n pod1 route add default via 10.244.0.1
ip -n pod2 route add default via 10.244.1.1
ip netns exec node1 iptables -A POSTROUTING -t mangle -p udp --dport 8472
sleep 1
ip -n node1 -d link show flannel.1
ip netns exec pod1 ping -c 2 -W 1 10.244.1.2
ip netns exec pod1 ping -c 1 -W 1 -t 1 10.244.1.2
ip netns exec node1 ping -c 1 -W 1 10.244.1.2
bridge -n node1 fdb show dev flannel.1
bridge -n node2 fdb show dev flannel.1
ip -n node1 route get 10.244.1.2
ip netns exec node1 iptables -t mangle -L POSTROUTING -v -n -x
ip -n node1 -s link show flannel.1
ip -n node2 -s link show flannel.1
