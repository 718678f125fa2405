# neighbour states made by traffic: REACHABLE on the pinging side, DELAY on the answering side (learned STALE from the ARP request, then used)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1/24 dev veth0
ip -n a addr add 10.0.0.2/24 dev eth0
ip link set veth0 up
ip -n a link set eth0 up
ip -n a link set lo up
ping -q -c 2 127.0.0.1
ip neigh show dev veth0
ip -n a neigh show dev eth0
ping -c 1 10.0.0.2
ip neigh show 10.0.0.2 dev veth0
ip -n a neigh show 10.0.0.1 dev eth0
ip neigh show
ip -j neigh show 10.0.0.2 dev veth0
ip netns exec a ip neigh show 10.0.0.1
ip neigh show nud reachable
ip neigh show nud stale
