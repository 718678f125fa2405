# vepa and private behind a hairpinning bridge: vepa macvlans talk through the switch, private ones never
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add sw
ip netns add pod1
ip netns add pod2
ip netns add pod3
ip netns add pod4
ip netns exec sw sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod3 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod4 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n sw link add br0 address 02:00:00:00:0b:01 type bridge
ip link add up0 address 02:00:00:00:00:01 type veth peer name p1 address 02:00:00:00:00:02 netns sw
ip -n sw link set p1 master br0
bridge -n sw link set dev p1 hairpin on
ip link add link up0 name mv1 address 02:00:00:00:01:01 netns pod1 type macvlan mode vepa
ip link add link up0 name mv2 address 02:00:00:00:01:02 netns pod2 type macvlan mode vepa
ip link add link up0 name mv3 address 02:00:00:00:01:03 netns pod3 type macvlan mode private
ip link add link up0 name mv4 address 02:00:00:00:01:04 netns pod4 type macvlan mode private
ip -n pod1 addr add 10.0.0.11/24 dev mv1
ip -n pod2 addr add 10.0.0.12/24 dev mv2
ip -n pod3 addr add 10.0.0.13/24 dev mv3
ip -n pod4 addr add 10.0.0.14/24 dev mv4
ip -n sw link set p1 up
ip -n sw link set br0 up
ip -n pod1 link set mv1 up
ip -n pod2 link set mv2 up
ip -n pod3 link set mv3 up
ip -n pod4 link set mv4 up
ip link set up0 up
sleep 1
ip netns exec pod1 ping -c 2 -W 1 10.0.0.12
ip netns exec pod3 ping -c 1 -W 1 10.0.0.14
ip netns exec pod1 ping -c 1 -W 1 10.0.0.13
ip -n pod4 link set mv4 type macvlan mode vepa
ip -n pod4 -d link show mv4
ip netns exec pod1 ping -c 1 -W 1 10.0.0.14
