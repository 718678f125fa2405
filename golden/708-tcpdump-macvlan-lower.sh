# tcpdump on a macvlan's lower device sees the frames its macvlans receive and send (taps run before the rx_handler), not the traffic bridged between two macvlans; the pod's macvlan sees its own
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add ext
ip netns add pod1
ip netns add pod2
ip netns exec ext sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add up0 address 02:00:00:00:00:01 type veth peer name up1 address 02:00:00:00:00:02 netns ext
ip link add link up0 name mv1 address 02:00:00:00:01:01 type macvlan mode bridge
ip link add link up0 name mv2 address 02:00:00:00:01:02 type macvlan mode bridge
ip link set mv1 netns pod1
ip link set mv2 netns pod2
ip -n ext addr add 10.0.0.100/24 dev up1
ip -n pod1 addr add 10.0.0.11/24 dev mv1
ip -n pod2 addr add 10.0.0.12/24 dev mv2
ip link set up0 up
ip -n ext link set up1 up
ip -n pod1 link set mv1 up
ip -n pod2 link set mv2 up
ip -n ext neigh replace 10.0.0.11 lladdr 02:00:00:00:01:01 dev up1 nud permanent
ip -n pod1 neigh replace 10.0.0.100 lladdr 02:00:00:00:00:02 dev mv1 nud permanent
ip -n pod1 neigh replace 10.0.0.12 lladdr 02:00:00:00:01:02 dev mv1 nud permanent
ip -n pod2 neigh replace 10.0.0.11 lladdr 02:00:00:00:01:01 dev mv2 nud permanent
sleep 1
tcpdump -n -t -e -i up0 &
ip netns exec pod1 tcpdump -n -t -i mv1 &
sleep 0.5
ip netns exec ext ping -c 1 -e 81 10.0.0.11
ip netns exec pod1 ping -c 1 -e 82 10.0.0.12
sleep 2
kill %1
kill %2
wait
