# ip netns errors and edge cases: duplicate names, deleting twice, missing names, extra arguments, ip netns set with bad/second ids, pids/identify/unknown commands, lo cannot be deleted, a move into a netns with a clashing name
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns add a
ip netns add b extra
ip netns del a
ip netns del a
ip netns del
ip netns delete nope
ip netns add a
ip netns exec a
ip netns exec
ip netns set a
ip netns set a abc
ip netns set a -5
ip netns set nope 3
ip netns set a 3
ip netns set a 4
ip netns list
ip netns list-id nsid 3
ip netns identify extra words
ip netns pids
ip netns pids a
ip netns monitorr
ip -n a link del lo
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip link add veth1 address 02:00:00:00:00:03 type veth peer name eth0 address 02:00:00:00:00:04 netns a
ip link set veth0 netns a
ip -n a link show veth0
ip -n a link set veth0 netns a
ip -n a link set veth0 name eth0
ip netns exec a ip -br link
ip netns del a
ping -q -c 2 127.0.0.1
ip link show
ip netns list
