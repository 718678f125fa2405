# unanswered ARP: INCOMPLETE while probing (3 probes, 1 s apart), FAILED afterwards; shorter retrans_time_ms fails sooner; flush removes FAILED
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
ping -c 1 -W 1 10.0.0.9
ip neigh show 10.0.0.9 dev veth0
ping -q -c 3 -i 1.25 127.0.0.1
ip neigh show 10.0.0.9 dev veth0
ip -s link show veth0
sysctl -w net.ipv4.neigh.veth0.retrans_time_ms=100
ping -c 1 -W 1 10.0.0.8
ip neigh show 10.0.0.8 dev veth0
ip neigh flush dev veth0
ip neigh show dev veth0
ip -n a neigh show dev eth0
