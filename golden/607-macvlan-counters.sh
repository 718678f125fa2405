# packet counters of macvlans and their lower device: bridge-mode local delivery, broadcasts, the wire
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add ext
ip netns add pod1
ip netns add pod2
ip netns exec ext sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add up0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns ext
ip link add link up0 name mv1 address 02:00:00:00:01:01 netns pod1 type macvlan mode bridge
ip link add link up0 name mv2 address 02:00:00:00:01:02 netns pod2 type macvlan mode bridge
ip -n ext addr add 10.0.0.100/24 dev eth0
ip -n pod1 addr add 10.0.0.11/24 dev mv1
ip -n pod2 addr add 10.0.0.12/24 dev mv2
ip -n ext link set eth0 up
ip -n pod1 link set mv1 up
ip -n pod2 link set mv2 up
ip link set up0 up
sleep 1
ip netns exec pod1 ping -c 2 -W 1 10.0.0.12
ip -s -n pod1 link show mv1
ip -s -n pod2 link show mv2
ip -s link show up0
ip -s -n ext link show eth0
ip netns exec ext ping -c 1 -W 1 10.0.0.11
ip -s -n pod1 link show mv1
ip -s -n pod2 link show mv2
ip -s link show up0
ip -s -n ext link show eth0
