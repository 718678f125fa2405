# two nodes (netns) on one underlay veth, a vxlan overlay with a unicast remote: ping across, counters (inner bytes), learnt and default fdb entries, fdb add/append/replace/del and their errors
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns add n2
ip netns exec n1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n n1 link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns n2
ip -n n1 addr add 192.168.1.1/24 dev eth0
ip -n n2 addr add 192.168.1.2/24 dev eth0
ip -n n1 link set eth0 up
ip -n n2 link set eth0 up
ip -n n1 link add vx0 address 02:00:00:00:01:01 type vxlan id 42 remote 192.168.1.2 local 192.168.1.1 dstport 4789 dev eth0
ip -n n2 link add vx0 address 02:00:00:00:01:02 type vxlan id 42 remote 192.168.1.1 local 192.168.1.2 dstport 4789 dev eth0
ip -n n1 -d link show vx0
ip -n n1 addr add 10.0.0.1/24 dev vx0
ip -n n2 addr add 10.0.0.2/24 dev vx0
ip -n n1 link set vx0 up
ip -n n2 link set vx0 up
sleep 1
ip -n n1 link show vx0
ip netns exec n1 ping -c 2 -W 1 10.0.0.2
ip -n n1 -s link show vx0
ip -n n2 -s link show vx0
ip -n n1 -s link show eth0
bridge -n n1 fdb show dev vx0
bridge -n n2 fdb show dev vx0
bridge -n n2 -j fdb show dev vx0
ip -n n1 neigh show 10.0.0.2 dev vx0
bridge -n n1 fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.1.3
bridge -n n1 fdb show dev vx0
bridge -n n1 fdb add 02:00:00:00:01:09 dev vx0 dst 192.168.1.9 port 5555 vni 7
bridge -n n1 fdb add 02:00:00:00:01:09 dev vx0 dst 192.168.1.9
bridge -n n1 fdb append 02:00:00:00:01:09 dev vx0 dst 192.168.1.10
bridge -n n1 fdb show dev vx0
bridge -n n1 fdb show
bridge -n n1 -j -p fdb show dev vx0
bridge -n n1 fdb del 02:00:00:00:01:09 dev vx0 dst 192.168.1.10
bridge -n n1 fdb del 02:00:00:00:01:09 dev vx0
bridge -n n1 fdb show dev vx0
bridge -n n1 fdb del 02:00:00:00:01:09 dev vx0
bridge -n n1 fdb replace 00:00:00:00:00:00 dev vx0 dst 192.168.1.4
bridge -n n1 fdb show dev vx0
