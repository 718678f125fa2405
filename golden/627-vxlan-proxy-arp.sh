# vxlan proxy (ARP suppression, docker-overlay style): the nodes' vx0 answer the pods' ARP requests
# from permanent neighbour entries on vx0 and never send them over the overlay; a request for an
# address without an entry is dropped; l2miss/l3miss are shown but change nothing on the wire
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns add n2
ip netns add pod1
ip netns add pod2
ip netns exec n1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n n1 link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns n2
ip -n n1 addr add 192.168.1.1/24 dev eth0
ip -n n2 addr add 192.168.1.2/24 dev eth0
ip -n n1 link set eth0 up
ip -n n2 link set eth0 up
ip -n n1 link add br0 address 02:00:00:00:0b:01 type bridge
ip -n n2 link add br0 address 02:00:00:00:0b:02 type bridge
ip -n n1 link add vx0 address 02:00:00:00:01:01 type vxlan id 7 local 192.168.1.1 dstport 4789 dev eth0 nolearning proxy l2miss l3miss
ip -n n2 link add vx0 address 02:00:00:00:01:02 type vxlan id 7 local 192.168.1.2 dstport 4789 dev eth0 nolearning proxy l2miss l3miss
ip -n n1 -d link show vx0
ip -n n1 -j link show vx0
ip -n n1 link set vx0 master br0
ip -n n2 link set vx0 master br0
ip -n n1 link add veth1 address 02:00:00:00:0c:01 type veth peer name eth0 address 02:00:00:00:0d:01 netns pod1
ip -n n2 link add veth1 address 02:00:00:00:0c:02 type veth peer name eth0 address 02:00:00:00:0d:02 netns pod2
ip -n n1 link set veth1 master br0
ip -n n2 link set veth1 master br0
ip -n n1 link set veth1 up
ip -n n2 link set veth1 up
ip -n n1 link set vx0 up
ip -n n2 link set vx0 up
ip -n n1 link set br0 up
ip -n n2 link set br0 up
ip -n pod1 addr add 10.1.0.1/24 dev eth0
ip -n pod2 addr add 10.1.0.2/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod2 link set eth0 up
ip -n n1 neigh add 10.1.0.2 lladdr 02:00:00:00:0d:02 dev vx0 nud permanent
ip -n n2 neigh add 10.1.0.1 lladdr 02:00:00:00:0d:01 dev vx0 nud permanent
bridge -n n1 fdb add 02:00:00:00:0d:02 dev vx0 dst 192.168.1.2
bridge -n n2 fdb add 02:00:00:00:0d:01 dev vx0 dst 192.168.1.1
ip netns exec n1 iptables -A OUTPUT -p udp --dport 4789
sleep 2
ip netns exec n1 iptables -Z OUTPUT
ip netns exec pod1 ping -c 2 -W 1 10.1.0.2
ip -n pod1 neigh show 10.1.0.2 dev eth0
ip -n pod2 neigh show 10.1.0.1 dev eth0
ip netns exec n1 iptables -L OUTPUT -v -n -x
ip netns exec pod1 ping -c 1 -W 1 10.1.0.9
ip netns exec n1 iptables -L OUTPUT -v -n -x
bridge -n n1 fdb show dev vx0
