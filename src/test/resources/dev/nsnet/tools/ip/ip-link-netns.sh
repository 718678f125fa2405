# moving links between namespaces: ifindex kept when free, renames, conflicts, nsids
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns add n2
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
ip netns list
ip link set v1 netns n1
ip netns list
ip -n n1 link
ip link set v2 netns n1 name v1
ip link set v2 netns n1 name v9
ip -n n1 link
ip link set v3 netns n1
ip -n n1 link add x0 address 02:00:00:00:00:05 type veth peer name v3 address 02:00:00:00:00:06
ip link set v3 netns n1
ip -n n1 link show v3
ip -n n1 link set v3 netns n2 index 7
ip -n n2 link
ip link show v0
ip link set v0 netns n2
ip -n n2 link
ip netns list
ip -n n1 netns list
ip -n n2 netns list-id
ip netns exec n2 ip netns list
ip link add v5 netns n2 address 02:00:00:00:00:07 type veth peer name v6 address 02:00:00:00:00:08
ip link show v6
ip -n n2 link show v5
ip -n n2 link set v5 up
ip link set v6 up
ip -n n2 link show v5
ip link show v6
ip -n n2 link del v5
ip link show v6
ip netns del n2
ip link
ip netns list
ip netns list-id
ip netns del n1
ip link
ip netns list-id
