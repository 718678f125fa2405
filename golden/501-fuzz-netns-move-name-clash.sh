# moving a device into a netns where its name is taken (fuzz seed 462): the extack messages for the name, for a taken fallback name, for a taken altname and for a taken ifindex; a free fallback name works
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth2 address 02:00:00:00:00:02 netns a
ip -n a link add veth0 address 02:00:00:00:00:03 type veth peer name eth0 address 02:00:00:00:00:04
ip link set veth0 netns a
ip link set veth0 netns a name eth0
ip link set veth0 netns a name veth9
ip -n a -br link show veth9
ip link add x0 address 02:00:00:00:00:05 type veth peer name x1 address 02:00:00:00:00:06
ip link property add dev x0 altname veth9
ip link set x0 netns a
ip link set x1 netns a index 1
ip -br link
