# vxlan multicast "group" mode: two nodes on one veth underlay, vx0 on each with group 239.1.1.1.
# Opening vx0 joins the group on the lower device (ip maddr shows it); broadcasts (ARP) go to the
# group (01:00:5e:01:01:01, ttl 1), the answer is learnt (dst = the sender VTEP); stopping vx0 leaves.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns add n2
ip netns exec n1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip -n n1 link add u0 address 02:00:00:00:00:01 type veth peer name u0 address 02:00:00:00:00:02 netns n2
ip -n n1 addr add 192.168.1.1/24 dev u0
ip -n n2 addr add 192.168.1.2/24 dev u0
ip -n n1 link set u0 up
ip -n n2 link set u0 up
ip -n n1 link add vx0 address 02:00:00:00:01:01 type vxlan id 42 group 239.1.1.1 dev u0 dstport 4789
ip -n n2 link add vx0 address 02:00:00:00:01:02 type vxlan id 42 group 239.1.1.1 dev u0 dstport 4789
ip -n n1 addr add 10.42.0.1/24 dev vx0
ip -n n2 addr add 10.42.0.2/24 dev vx0
ip -n n1 -4 maddr show dev u0
ip -n n1 link set vx0 up
ip -n n2 link set vx0 up
sleep 1
ip -n n1 -4 maddr show dev u0
ip -n n1 maddr show dev u0
ip -n n1 -d link show vx0
ip netns exec n1 ping -c 2 -i 0.2 -W 1 10.42.0.2
bridge -n n1 fdb show dev vx0
bridge -n n2 fdb show dev vx0
ip -n n1 neigh show dev vx0
ip -n n2 neigh show dev vx0
ip netns exec n2 ping -c 1 -W 1 10.42.0.1
ip -n n1 link set vx0 down
ip -n n1 -4 maddr show dev u0
bridge -n n1 fdb show dev vx0
