# macvlan edges: bridge port as lower, macvlan lower as bridge port, mode changes, show filters
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add br0 address 02:00:00:00:0b:01 type bridge
ip link add up0 address 02:00:00:00:00:01 type veth peer name up1 address 02:00:00:00:00:02
ip link set up1 master br0
ip link add link up1 name mv9 address 02:00:00:00:01:09 type macvlan
ip link add link up0 mv0 address 02:00:00:00:01:01 type macvlan mode bridge
ip link set up0 master br0
ip link add link br0 name mvb address 02:00:00:00:01:0b type macvlan mode private
ip link set mv0 type macvlan mode passthru
ip link set mv0 type macvlan mode private
ip link set mv0 type macvlan mode
ip link set mv0 type macvlan bogus
ip -d link show mv0
ip link show type macvlan
ip -br link show
ip link set mv0 name mvx
ip link show up0
ip -j link show mvx
ip link del mvx
ip link show type macvlan
ip netns add pod1
ip link set br0 netns pod1
ip link show mvb
ip -n pod1 link show br0
ip link del mvb
ip -n pod1 link del br0
ip link show
