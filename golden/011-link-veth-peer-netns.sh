# veth whose peer is created in another netns: @ifN suffixes, link-netns NAME vs link-netnsid N, per-netns ifindexes, ids in ip netns list
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns list
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip netns list
ip link show
ip -n a link show
ip netns exec a ip link show
ip link set veth0 up
ip -n a link set eth0 up
ping -q -c 2 127.0.0.1
ip link show veth0
ip -n a link show eth0
ip -n a link show lo
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n a link add eth1 address 02:00:00:00:00:03 type veth peer name eth1 address 02:00:00:00:00:04 netns b
ip netns list
ip -n a link show
ip -n b link show
ip -n b -br link
ip netns list-id
ip -n a netns list-id
