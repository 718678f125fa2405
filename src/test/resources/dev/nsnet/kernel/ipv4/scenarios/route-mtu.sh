# a route mtu metric: local errors, fragmentation at the route MTU, mtu lock (recorded on Linux 6.18)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1/24 dev veth0
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n a addr add 10.9.0.1/16 dev lo
ip link set veth0 up
ip -n a link set eth0 up
ip -n a link set lo up
ip route add 10.9.0.0/16 via 10.0.0.2 mtu 1300 hoplimit 7
ping -q -c 2 127.0.0.1
ping -c 1 -M do -s 1400 10.9.0.1
ping -c 1 -M do -s 1272 10.9.0.1
ping -c 1 -s 1400 10.9.0.1
ip -s link show veth0
ip netns exec a ping -c 1 -t 7 10.0.0.1
ip route change 10.9.0.0/16 via 10.0.0.2 mtu lock 1300
ping -c 1 -s 1400 10.9.0.1
