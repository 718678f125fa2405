# ip link add variants: main device in another netns, up on creation, names in use, peer mtu, queue counts, group/alias/broadcast on creation, set netns with name
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add v0 netns a address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip netns list
ip link
ip -n a link
ip netns list
ip link add v2 netns a address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04 netns a
ip -n a -br link
ip link add v4 address 02:00:00:00:00:05 up type veth peer name v5 address 02:00:00:00:00:06 netns a up
ip link add v4 address 02:00:00:00:00:05 type veth peer name v5 address 02:00:00:00:00:06 netns a up
ip link set v4 up
ping -q -c 1 -W 1 127.0.0.2
ip -br link
ip -n a -br link
ip link add lo type veth
ip link add v6 type veth peer name lo
ip link add v6 address 02:00:00:00:00:07 type veth peer name v7 address 02:00:00:00:00:08 mtu 9000
ip link show v6
ip link show v7
ip link add v8 address 02:00:00:00:00:09 mtu 70000 type veth peer name v9
ip link add v8 address 02:00:00:00:00:09 txqueuelen 5 numtxqueues 4 numrxqueues 3 type veth peer name v9 address 02:00:00:00:00:0a
ip -d link show v8
ip -d link show v9
ip link add v10 address 02:00:00:00:00:0b numtxqueues 0 type veth peer name v11
ip link add v10 address 02:00:00:00:00:0b numtxqueues 5000 type veth peer name v11
ip link add v10 address 02:00:00:00:00:0b group 7 alias hello type veth peer name v11 address 02:00:00:00:00:0c group 8
ip link show group 7
ip link show group 8
ip link add v12 address 02:00:00:00:00:0d broadcast 02:ff:ff:ff:ff:ff type veth peer name v13 address 02:00:00:00:00:0e
ip link show v12
ip link set v12 netns a name v99
ip -n a link show v99
ip link set v13 netns a
ip -n a link show v13
