# a connection attempt in progress: SYN-SENT in ss (Send-Q 1: the SYN), then No route to host once ARP gives up (3 s), and the socket is gone
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip link add veth0 netns a address 02:00:00:00:00:01 type veth peer name veth1 netns b address 02:00:00:00:00:02
ip -n a addr add 10.0.0.1/24 dev veth0
ip -n b addr add 10.0.0.2/24 dev veth1
ip -n a link set lo up
ip -n b link set lo up
ip -n a link set veth0 up
ip -n b link set veth1 up
sleep 1
ip netns exec a nc -v -n -p 40020 10.0.0.99 80 &
ip netns exec a ss -tan
ip netns exec a ss -t
sleep 4
ip netns exec a ss -tan
ip netns exec a ip neigh show 10.0.0.99
