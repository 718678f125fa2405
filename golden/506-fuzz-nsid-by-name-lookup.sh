# link netns ids allocated as a side effect (fuzz seed 1102): every RTM_NEWLINK answer or notification carries IFLA_LINK_NETNSID, so iproute2 resolving a name (ll_name_to_index: ip neigh/route/addr add, show dev, flush dev, route get oif, bridge fdb dev), ip neigh show (ll_init_map) and link changes (up, mtu) give the peer's netns an id; route show, link show lo and rule add do not
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ping -q -c 2 127.0.0.1
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec a ip link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip netns exec b ip neigh add 10.0.2.9 lladdr 02:00:00:00:00:0a dev eth0 nud noarp
ping -q -c 2 127.0.0.1
ip netns exec b ip netns list
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b neigh show
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b neigh show dev eth0
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b neigh add 10.0.0.7 lladdr 02:00:00:00:00:0a dev eth0 nud noarp
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b addr show dev eth0
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b route add 10.9.0.0/24 dev eth0
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b link set eth0 mtu 1400
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b link set eth0 up
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
bridge -n b fdb show dev eth0
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b route show dev eth0
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b addr add 10.0.3.1/24 dev eth0
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b route get 10.0.0.1 oif eth0
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b addr flush dev eth0
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b neigh flush dev eth0
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b route show
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b link show lo
ip -n b netns list-id
ip netns del a
ip netns del b
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:08 type veth peer name eth0 address 02:00:00:00:00:09 netns b
ip -n b rule add iif eth0 lookup 5
ip -n b netns list-id
ip netns del a
ip netns del b
