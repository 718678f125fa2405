# REACHABLE -> STALE once reachable time runs out (base_reachable_time_ms=500, delay_first_probe_time=0); new traffic on a STALE entry makes it DELAY, where it stays (delay_first_probe_time=5 again)
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
sysctl net.ipv4.neigh.veth0.base_reachable_time_ms net.ipv4.neigh.veth0.delay_first_probe_time net.ipv4.neigh.veth0.retrans_time_ms net.ipv4.neigh.veth0.mcast_solicit net.ipv4.neigh.veth0.ucast_solicit
sysctl -w net.ipv4.neigh.veth0.base_reachable_time_ms=500
sysctl -w net.ipv4.neigh.veth0.delay_first_probe_time=0
ping -q -c 2 127.0.0.1
ping -c 1 10.0.0.2
ip neigh show 10.0.0.2 dev veth0
ping -q -c 2 127.0.0.1
ip neigh show 10.0.0.2 dev veth0
ip -n a neigh show 10.0.0.1 dev eth0
sysctl -w net.ipv4.neigh.veth0.delay_first_probe_time=5
ping -c 1 10.0.0.2
ip neigh show 10.0.0.2 dev veth0
ping -q -c 2 127.0.0.1
ip neigh show 10.0.0.2 dev veth0
