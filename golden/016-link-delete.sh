# deleting links: either end removes the pair, routes and addresses go with it; deleting a netns destroys the veth ends inside and so their peers outside
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:00:03 type veth peer name eth0 address 02:00:00:00:00:04 netns a
ip link add br0 address 02:00:00:00:00:05 type bridge
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip route show
ip link del veth1
ip link show
ip addr show
ip route show
ip link del dev br0
ip link del veth0
ip link show
ip netns del a
ping -q -c 2 127.0.0.1
ip link show
ip netns list
ip link del lo
