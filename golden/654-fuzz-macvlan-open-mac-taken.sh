# fuzz seed 190 (generator v7 run, macvlan steps): a macvlan whose MAC an up sibling took while it was down
# cannot come up (macvlan_open: EADDRINUSE)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add mn
ip netns exec mn sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add mw
ip netns exec mw sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add ma
ip netns exec ma sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add mb
ip netns exec mb sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add mc
ip netns exec mc sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add eth0 netns mn address 02:00:00:66:00:01 type veth peer name eth0 netns mw address 02:00:00:66:00:02
ip -n mn link set eth0 up
ip -n mw addr add 10.66.0.100/24 dev eth0
ip -n mw link set eth0 up
ip -n mn link add link eth0 name mv1 address 02:00:00:66:01:01 netns mb type macvlan mode private
ip -n mb addr add 10.66.0.12/24 dev mv1
ip -n mb link set mv1 up
ip -n mn link add link eth0 name mv3 address 02:00:00:66:01:03 netns mc type macvlan mode bridge
ip -n mc addr add 10.66.0.14/24 dev mv3
ip -n mc link set mv3 up
sleep 1
ip -n mb link set mv1 down
sleep 1
ip -n mc link set mv3 address 02:00:00:66:01:01
ip -n mb link set mv1 up
ip -n mb link show mv1
ip -n mc link set mv3 address 02:00:00:66:01:05
ip -n mb link set mv1 up
sleep 1
ip -n mb link show mv1
