# assorted ip link corner cases
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip link set lo netns n1
ip link set lo up
ip link add x%d address 02:00:00:00:00:01 type veth peer name y%d address 02:00:00:00:00:02
ip link add x%d address 02:00:00:00:00:03 type veth peer name y%d address 02:00:00:00:00:04
ip -br link
ip link add dev d0 address 02:00:00:00:00:05 type veth peer name d1 address 02:00:00:00:00:06
ip link add name d0 type veth
ip link add d2 address 02:00:00:00:00:09 type veth peer
ip link add d2 type veth peer name
ip link add d2 type veth peer name d3 netns nope
ip link add d2 type veth peer name d3 netns n1 index 1
ip link add d2 address 02:00:00:00:00:07 type veth peer name d3 address 02:00:00:00:00:08 netns n1 index 9
ip -n n1 link show d3
ip link show d2
ip link add d4 index 1 type veth
ip link add d4 address 02:00:00:00:00:0a type veth peer name d5 index 3 address 02:00:00:00:00:0b
ip link set d2 netns n1
ip link set d2 netns n1 index 9
ip link set d2 netns n1 index 10
ip -n n1 -br link
ip -n n1 link set d3 down up
ip -n n1 link set dev d3 dev d2
ip -n n1 link set d3 name d2
ip -n n1 link del d2
ip -n n1 -br link
ip link set x0 mtu 68 up
ip link set y0 mtu 1500 up
ping -q -c 2 127.0.0.1
ip -br link
ip link set x0 mtu 1500 arp off
ip link show x0
ip link set x0 dynamic on trailers off
ip link show x0
ip link set x0 dynamic off trailers on
ip link set x0 multicast off allmulticast on promisc on
ip link show x0
ip -d link show x0
ip link set x0 down
ip -br link show x0
ip link delete dev x0
ip link delete y1
ip -br link
ip link add z0 type dummy foo
ip link add z0 type ipvlan mode l2
ip link add z0 type bond
ip link add z0 type frob foo
ip link add z0 type frob help
