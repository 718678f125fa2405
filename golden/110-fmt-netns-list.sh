# ip netns list / list-id after adds and deletes, with and without ids, JSON forms, ip -all netns exec output headers, ip netns set
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns add b
ip netns add c
ip netns list
ip -j netns list
ip netns del b
ip netns list
ip netns
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns c
ip netns list
ip -j netns list
ip -j -p netns list
ip netns list-id
ip -j netns list-id
ip netns set a 7
ip netns list
ip netns list-id
ip netns set a 8
ip netns set a auto
ip netns add b
ip netns list
ip -all netns exec ip -br link show lo
ip -all netns exec false
ip netns del a
ip netns del c
ping -q -c 2 127.0.0.1
ip netns list
ip netns list-id
ip link show
ip -all netns del
ip netns list
