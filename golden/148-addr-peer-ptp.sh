# point-to-point style addresses: local peer PREFIX, the peer route and its listing in ip addr/-o/-br/-j, ping of the peer through the link, deleting by local/peer
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1 peer 10.0.0.2 dev veth0
ip addr add 10.5.0.1 peer 10.6.0.0/24 dev veth0
ip -n a addr add 10.0.0.2 peer 10.0.0.1 dev eth0
ip addr show dev veth0
ip -o addr show dev veth0
ip -br addr show dev veth0
ip -j addr show dev veth0
ip link set veth0 up
ip -n a link set eth0 up
ping -q -c 2 127.0.0.1
ip route
ip route show table local
ping -c 1 10.0.0.2
ip route get 10.6.0.9
ip addr add 10.0.0.1 peer 10.0.0.2 dev veth0
ip addr del 10.0.0.1 dev veth0
ip addr del 10.0.0.1 peer 10.0.0.2 dev veth0
ip addr show dev veth0
ip route
