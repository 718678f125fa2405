# "bridge + vxlan" with a multicast group instead of a remote: pods on two nodes share one L2
# segment; the pod's ARP broadcast reaches the other node through the group, vx0 learns the remote
# pod's MAC behind the sender VTEP, the bridge learns it behind vx0. Underlay counters include the
# two IGMPv3 reports each node sent when its vx0 opened.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns add n2
ip netns add pod1
ip netns add pod2
ip netns exec n1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip -n n1 link add u0 address 02:00:00:00:00:01 type veth peer name u0 address 02:00:00:00:00:02 netns n2
ip -n n1 addr add 192.168.1.1/24 dev u0
ip -n n2 addr add 192.168.1.2/24 dev u0
ip -n n1 link set u0 up
ip -n n2 link set u0 up
ip -n n1 link add br0 address 02:00:00:00:0b:01 type bridge mcast_snooping 0
ip -n n2 link add br0 address 02:00:00:00:0b:02 type bridge mcast_snooping 0
ip -n n1 link add vx0 address 02:00:00:00:01:01 type vxlan id 42 group 239.1.1.1 dev u0 dstport 4789
ip -n n2 link add vx0 address 02:00:00:00:01:02 type vxlan id 42 group 239.1.1.1 dev u0 dstport 4789
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
sleep 2
ip -n n1 -s link show u0
ip netns exec pod1 ping -c 2 -i 0.2 -W 1 10.1.0.2
bridge -n n1 fdb show dev vx0
bridge -n n2 fdb show dev vx0
ip -n n2 -s link show u0
