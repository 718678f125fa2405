# ICMP redirect: h1 routes 10.9.0.0/16 via r, which forwards it to g on the same link (recorded on Linux 6.18)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add h1
ip netns add r
ip netns add g
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec r sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ping -q -c 2 127.0.0.1
ip netns exec h1 ping -c 3 -i 0.3 10.9.0.1
ip -n r -s neigh show 10.0.0.2 dev eth0
ip -n r -s neigh show 10.0.0.3 dev eth0
ip netns exec h1 ping -c 2 -i 0.3 10.9.0.1
ip -n r -s neigh show 10.0.0.2 dev eth0
ip -n r -s neigh show 10.0.0.3 dev eth0
ip -n g -s neigh show 10.0.0.2 dev eth0
ip -n h1 -s neigh show 10.0.0.3 dev eth0
ip -n h1 -s neigh show 10.0.0.1 dev eth0
