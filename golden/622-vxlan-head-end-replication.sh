# three nodes (netns) on an underlay bridge; n1's vxlan has no remote: bridge fdb append of
# 00:00:00:00:00:00 entries replicates its broadcasts to n2 and n3 (head-end replication); n2 and n3
# learn n1 from the traffic; with no default entry left, ARP requests go nowhere
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add br0 address 02:00:00:00:00:fe type bridge
ip link set br0 up
ip netns add n1
ip netns add n2
ip netns add n3
ip netns exec n1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n3 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add p1 address 02:00:00:00:00:11 type veth peer name eth0 address 02:00:00:00:00:01 netns n1
ip link add p2 address 02:00:00:00:00:12 type veth peer name eth0 address 02:00:00:00:00:02 netns n2
ip link add p3 address 02:00:00:00:00:13 type veth peer name eth0 address 02:00:00:00:00:03 netns n3
ip link set p1 master br0
ip link set p2 master br0
ip link set p3 master br0
ip link set p1 up
ip link set p2 up
ip link set p3 up
ip -n n1 addr add 192.168.1.1/24 dev eth0
ip -n n2 addr add 192.168.1.2/24 dev eth0
ip -n n3 addr add 192.168.1.3/24 dev eth0
ip -n n1 link set eth0 up
ip -n n2 link set eth0 up
ip -n n3 link set eth0 up
ip -n n1 link add vx0 address 02:00:00:00:01:01 type vxlan id 100 local 192.168.1.1 dstport 4789
ip -n n2 link add vx0 address 02:00:00:00:01:02 type vxlan id 100 local 192.168.1.2 dstport 4789
ip -n n3 link add vx0 address 02:00:00:00:01:03 type vxlan id 100 local 192.168.1.3 dstport 4789
bridge -n n1 fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.1.2
bridge -n n1 fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.1.3
bridge -n n1 fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.1.3
bridge -n n2 fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.1.1
bridge -n n3 fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.1.1
bridge -n n1 fdb show dev vx0
ip -n n1 addr add 10.0.0.1/24 dev vx0
ip -n n2 addr add 10.0.0.2/24 dev vx0
ip -n n3 addr add 10.0.0.3/24 dev vx0
ip -n n1 link set vx0 up
ip -n n2 link set vx0 up
ip -n n3 link set vx0 up
sleep 1
ip netns exec n1 ping -c 1 -W 1 10.0.0.2
ip netns exec n1 ping -c 1 -W 1 10.0.0.3
bridge -n n1 fdb show dev vx0
bridge -n n2 fdb show dev vx0
bridge -n n3 fdb show dev vx0
ip -n n1 -s link show vx0
ip -n n3 -s link show vx0
bridge -n n1 fdb del 00:00:00:00:00:00 dev vx0 dst 192.168.1.2
bridge -n n1 fdb show dev vx0
ip -n n1 neigh flush dev vx0
ip netns exec n1 ping -c 1 -W 1 10.0.0.2
bridge -n n1 fdb del 00:00:00:00:00:00 dev vx0
bridge -n n1 fdb show dev vx0
ip -n n1 neigh flush dev vx0
ip netns exec n1 ping -c 1 -W 1 10.0.0.3
