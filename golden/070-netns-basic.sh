# ip netns add/list/exec/identify/pids/del: newest-first listing, (id: N) once a peer link exists, a fresh netns has lo DOWN, exec runs any command inside
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns list
ip netns add a
ip netns add c
ip netns add b
ip netns list
ip netns
ip netns show
ip -j netns list
ip netns identify
ip netns exec a ip netns identify
ip netns exec b ip link show
ip netns exec b ip addr
ip netns exec b ip route show table all
ip netns exec b sysctl net.ipv4.ip_forward
ip netns exec b echo hello from b
ip netns pids a
ip netns exec a ip link set lo up
ip netns exec a ping -c 1 127.0.0.1
ip -n a addr show lo
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns c
ip netns list
ip netns list-id
ip netns del c
ip netns list
ip netns add c
ip netns list
ip netns delete b
ip netns list
ping -q -c 2 127.0.0.1
ip link show
