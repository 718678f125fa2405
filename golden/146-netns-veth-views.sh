# a veth between two named netns (created from the root): each side's view in plain, -br, -o, -j (link_netnsid), -d, ip netns list ids in each netns, ping both ways with ip -n and ip netns exec
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add vx address 02:00:00:00:00:01 netns a type veth peer name vy address 02:00:00:00:00:02 netns b
ip link show
ip netns list
ip -n a link show
ip -n b link show
ip -n a -br link
ip -n a -j link show vx
ip -n b -j -p link show vy
ip -n a -o link show vx
ip -n a -d link show vx
ip -n a addr add 10.0.0.1/24 dev vx
ip -n b addr add 10.0.0.2/24 dev vy
ip -n a link set vx up
ip -n b link set vy up
ping -q -c 2 127.0.0.1
ip -n a link show vx
ip netns exec a ping -c 1 10.0.0.2
ip netns exec b ping -c 1 10.0.0.1
ip netns exec a ip netns list
ip netns exec a ip netns list-id
ip -n b netns list-id
ip netns list-id
ip -n a -j addr show dev vx
