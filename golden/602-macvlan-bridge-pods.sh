# bridge mode: two pods on macvlans of one lower device reach each other; the lower cannot
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add up0 address 02:00:00:00:00:01 type veth peer name up1 address 02:00:00:00:00:02
ip link add link up0 name mv1 address 02:00:00:00:01:01 type macvlan mode bridge
ip link add link up0 name mv2 address 02:00:00:00:01:02 type macvlan mode bridge
ip netns add pod1
ip netns add pod2
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link set mv1 netns pod1
ip link set mv2 netns pod2
ip -n pod1 addr add 10.0.0.11/24 dev mv1
ip -n pod2 addr add 10.0.0.12/24 dev mv2
ip -n pod1 link set mv1 up
ip -n pod2 link set mv2 up
ip -n pod1 link show mv1
ip link set up1 up
ip link set up0 up
sleep 1
ip -n pod1 link show mv1
ip -n pod2 -d link show mv2
ip link show up0
ip netns exec pod1 ping -c 2 -W 1 10.0.0.12
ip -n pod1 neigh show 10.0.0.12 dev mv1
ip addr add 10.0.0.1/24 dev up0
ip netns exec pod1 ping -c 1 -W 1 10.0.0.1
ping -c 1 -W 1 10.0.0.12
ip link set up0 mtu 1400
ip -n pod1 link show mv1
ip link set up0 down
sleep 1
ip -n pod1 link show mv1
ip netns exec pod1 ping -c 1 -W 1 10.0.0.12
