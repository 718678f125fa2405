# vxlan overlay (flannel's vxlan backend): pods on each node's cni0, node-to-node over flannel.1
# (VNI 1, UDP 8472); pod1 (node1) talks to pod2 (node2)
sysctl -q -w net.ipv4.ip_forward=1
ip link add cni0 address 0a:58:0a:f4:01:01 type bridge
ip addr add 10.244.1.1/24 dev cni0
ip link set cni0 up
ip netns add pod1
ip link add veth1 address 7e:3a:91:00:00:02 type veth peer name eth0 address 0a:58:0a:f4:01:02 netns pod1
ip link set veth1 master cni0
ip link set veth1 up
ip -n pod1 link set lo up
ip -n pod1 addr add 10.244.1.2/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod1 route add default via 10.244.1.1
ip link add flannel.1 address 8e:00:00:00:01:01 type vxlan id 1 local 192.168.1.10 dev eth0 dstport 8472 nolearning
ip addr add 10.244.1.0/32 dev flannel.1
ip link set flannel.1 up
ip route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink
ip neigh add 10.244.2.0 lladdr 8e:00:00:00:02:01 dev flannel.1 nud permanent
bridge fdb append 8e:00:00:00:02:01 dev flannel.1 dst 192.168.1.20
nsnet-world exec node2 sysctl -q -w net.ipv4.ip_forward=1
nsnet-world exec node2 ip link add cni0 address 0a:58:0a:f4:02:01 type bridge
nsnet-world exec node2 ip addr add 10.244.2.1/24 dev cni0
nsnet-world exec node2 ip link set cni0 up
nsnet-world exec node2 ip netns add pod2
nsnet-world exec node2 ip link add veth1 address 7e:3a:91:00:01:02 type veth peer name eth0 address 0a:58:0a:f4:02:02 netns pod2
nsnet-world exec node2 ip link set veth1 master cni0
nsnet-world exec node2 ip link set veth1 up
nsnet-world exec node2 ip -n pod2 link set lo up
nsnet-world exec node2 ip -n pod2 addr add 10.244.2.2/24 dev eth0
nsnet-world exec node2 ip -n pod2 link set eth0 up
nsnet-world exec node2 ip -n pod2 route add default via 10.244.2.1
nsnet-world exec node2 ip link add flannel.1 address 8e:00:00:00:02:01 type vxlan id 1 local 192.168.1.20 dev eth0 dstport 8472 nolearning
nsnet-world exec node2 ip addr add 10.244.2.0/32 dev flannel.1
nsnet-world exec node2 ip link set flannel.1 up
nsnet-world exec node2 ip route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
nsnet-world exec node2 ip neigh add 10.244.1.0 lladdr 8e:00:00:00:01:01 dev flannel.1 nud permanent
nsnet-world exec node2 bridge fdb append 8e:00:00:00:01:01 dev flannel.1 dst 192.168.1.10
