# fuzz generator v6 seed 36: a source-mode macvlan receives neither unicast to its own MAC nor
# broadcasts from the wire (only frames from the MACs of its macaddr list, empty here)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add mw
ip netns exec mw sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add ma
ip netns exec ma sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add mb
ip netns exec mb sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add eth0 address 02:00:00:66:00:01 type veth peer name eth0 netns mw address 02:00:00:66:00:02
ip link set eth0 up
ip -n mw addr add 10.66.0.100/24 dev eth0
ip -n mw link set eth0 up
ip link add link eth0 name mv1 address 02:00:00:66:01:01 netns ma type macvlan mode bridge
ip -n ma addr add 10.66.0.11/24 dev mv1
ip -n ma link set mv1 up
ip link add link eth0 name mv2 address 02:00:00:66:01:02 netns mb type macvlan mode bridge
ip -n mb addr add 10.66.0.12/24 dev mv2
ip -n mb link set mv2 up
sleep 1
ip netns exec ma ping -c 1 -W 1 10.66.0.100
ip -n ma link set mv1 type macvlan mode source
ip -n ma -d link show mv1
ip -n ma neigh flush dev mv1
ip netns exec ma ping -c 1 -W 1 10.66.0.100
ip -n mw neigh flush dev eth0
ip netns exec mw ping -c 1 -W 1 10.66.0.11
ip -n mb neigh flush dev mv2
ip netns exec mb ping -c 1 -W 1 10.66.0.11
ip netns exec mb ping -c 1 -W 1 10.66.0.100
ip -n ma link set mv1 type macvlan mode bridge
ip -n ma neigh flush dev mv1
ip netns exec ma ping -c 1 -W 1 10.66.0.12
