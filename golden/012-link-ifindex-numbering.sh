# ifindex allocation: per-netns counter that never reuses freed numbers, explicit index, moves keep the index when free in the target, else get the target's next number
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add v1 address 02:00:00:00:00:01 type veth peer name v1p address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v2p address 02:00:00:00:00:04
ip link add br0 address 02:00:00:00:00:05 type bridge
ip -o link
ip link del v1
ip link add v3 address 02:00:00:00:00:06 type veth peer name v3p address 02:00:00:00:00:07
ip -o link
ip link add v9 address 02:00:00:00:00:08 type veth peer name v9p address 02:00:00:00:00:09 netns a
ip -o link show v9
ip -n a -o link
ip link set v2 netns a
ip -n a -o link
ip -n a link add v4 address 02:00:00:00:00:0a type veth peer name v4p address 02:00:00:00:00:0b
ip -n a link add v5 address 02:00:00:00:00:0c type veth peer name v5p address 02:00:00:00:00:0d
ip -n a -o link
ip link set v3 netns a
ip link set v3p netns a
ip -n a -o link
ip -o link
ip link add d0 index 50 address 02:00:00:00:00:0e type veth peer name d0p address 02:00:00:00:00:0f
ip link add xx index 50 type veth peer name xxp
ip link add e0 address 02:00:00:00:00:10 type veth peer name e0p address 02:00:00:00:00:11
ip -o link
