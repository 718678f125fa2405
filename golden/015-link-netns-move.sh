# moving a device into another netns: it arrives DOWN without addresses, keeps MAC/mtu/ifindex, the peer shows link-netns; renaming on arrival; moving between named netns
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns add b
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 mtu 1400 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth1
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip addr show veth1
ip route show
ip link set veth1 netns a
ip link show
ip addr show
ip route show
ip -n a addr show
ip -n a link set veth1 name eth0
ip -n a link set eth0 up
ping -q -c 2 127.0.0.1
ip -n a link show eth0
ip link show veth0
ip -n a link set eth0 netns b
ip -n a link show
ip -n b link show
ip link show veth0
ip netns list
ip link set nope netns a
ip link set veth0 netns nope
