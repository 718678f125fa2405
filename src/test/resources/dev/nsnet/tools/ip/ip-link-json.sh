# JSON, details and statistics forms of ip link across namespaces
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns exec n1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add w0 address 02:00:00:00:00:03 type veth peer name w1 address 02:00:00:00:00:04 netns n1
ip -d -j -p link show v0
ip -d -j link show w0
ip -j -p link show w0
ip -s -s -j -p link show w0
ip -n n1 -j link show w1
ip -n n1 -br -j -p link
ip -o -d link show v0
ip -o -s -s link show v0
ip -d -s link show w0
ip -br link
ip -br -d link show w0
ip link set v0 up
ip link set w0 up
ip -n n1 link set w1 up
ip -j link show up
ip -j link show type veth
ip link show type bridge
ip -j link show type bridge
ip -j -p link show type nothing
ip link show type veth_slave
ip link del v0
ip -j link show v1
ip -n n1 link set w1 name w9
ip link show w0
ip -n n1 -d link show w9
ip netns del n1
ip link show
ip netns list
