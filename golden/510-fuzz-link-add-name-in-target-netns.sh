# fuzz (generator v3): rtnl_newlink looks an existing name or ifindex up in the TARGET namespace (Linux 6.15+): 'ip link add NAME netns NS' works while the caller has NAME, fails while NS has it; same for 'index N'
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add x
ip netns exec x sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add foo address 02:00:00:00:00:01 type veth peer name bar address 02:00:00:00:00:02
ip link add foo netns x address 02:00:00:00:00:03 type veth peer name bar address 02:00:00:00:00:04
ip link add foo netns x address 02:00:00:00:00:05 type veth peer name baz address 02:00:00:00:00:06
ip link add lo netns x address 02:00:00:00:00:07 type veth peer name q address 02:00:00:00:00:08
ip link add index 1 netns x address 02:00:00:00:00:07 type veth peer name q address 02:00:00:00:00:08
ip link add index 2 netns x address 02:00:00:00:00:07 type veth peer name q address 02:00:00:00:00:08
ip link add index 9 netns x address 02:00:00:00:00:0b type veth peer name q2 address 02:00:00:00:00:0c
ip link add index 9 address 02:00:00:00:00:09 type veth peer name q3 address 02:00:00:00:00:0a
ip -br link
ip -n x -br link
ip link add eth0 address 02:00:00:00:00:0d type veth peer name eth1 address 02:00:00:00:00:0e
ip netns add h2
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add eth0 netns x address 02:00:00:00:00:0f type veth peer name eth0 netns h2 address 02:00:00:00:00:10
ip -n x -br link show eth0
ip -n h2 -br link
