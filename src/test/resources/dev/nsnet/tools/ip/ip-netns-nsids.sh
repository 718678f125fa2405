# nsids across three namespaces: only the creating side of a veth gets an id at once, dumps allocate the others in dump order; moves and deletes
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip netns add c
ip -n a link add e0 address 02:00:00:00:00:01 type veth peer name e1 address 02:00:00:00:00:02 netns b
ip -n b link add f0 address 02:00:00:00:00:03 type veth peer name f1 address 02:00:00:00:00:04 netns c
ip link add g0 address 02:00:00:00:00:05 type veth peer name g1 address 02:00:00:00:00:06 netns c
ip netns list
ip -n a netns list
ip -n b netns list
ip -n c netns list
ip -n a netns list-id
ip -n b netns list-id
ip -n c netns list-id
ip -n c link
ip -n c -j link
ip -n b -br link
ip link
ip -n c link set g1 netns a
ip -n a link
ip netns list
ip -n a netns list
ip netns del c
ip link set lo up
ping -q -c 2 127.0.0.1
ip -n b link
ip netns list
ip -n b netns list
ip -all netns exec ip -br link
ip -n a link set e0 name e9
ip -n b link show e1
ip -n a link del e9
ip -n b link
ip netns del a
ip netns del b
ip netns list
ip link
