# neighbour entries across link changes: admin down drops learned and static entries, up starts empty, traffic re-learns; carrier loss (peer down) drops learned entries but keeps PERMANENT; removing the last address flushes the device's entries
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
ping -q -c 2 127.0.0.1
ping -c 1 10.0.0.2
ip neigh add 10.0.0.99 lladdr 02:00:00:00:00:99 dev veth0
ip neigh show 10.0.0.2 dev veth0
ip neigh show 10.0.0.99 dev veth0
ip -n a link set eth0 down
ping -q -c 2 127.0.0.1
ip neigh show 10.0.0.2 dev veth0
ip neigh show 10.0.0.99 dev veth0
ip -n a link set eth0 up
ip link set veth0 down
ping -q -c 2 127.0.0.1
ip neigh show dev veth0
ip neigh show 10.0.0.99
ip link set veth0 up
ping -q -c 2 127.0.0.1
ip neigh show dev veth0
ping -c 1 10.0.0.2
ip neigh show dev veth0
ip addr del 10.0.0.1/24 dev veth0
ip neigh show dev veth0
ip neigh flush dev veth0
ip neigh show dev veth0
