# traceroute through two routers (h1 - r1 - r2 - h2), default UDP method and -I, -n, -q, -m, -f, -p and the
# packet length. ICMP error rate limiting is off on the routers and h2 (icmp_ratemask=0) so that every
# probe is answered, whatever the timing; the probe times are blanked by the normaliser.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add h1
ip netns add r1
ip netns add r2
ip netns add h2
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec r1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec r2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n h1 link add eth0 address 02:00:00:00:01:02 type veth peer name eth0 netns r1 address 02:00:00:00:01:01
ip -n r1 link add eth1 address 02:00:00:00:02:01 type veth peer name eth0 netns r2 address 02:00:00:00:02:02
ip -n r2 link add eth1 address 02:00:00:00:03:01 type veth peer name eth0 netns h2 address 02:00:00:00:03:02
ip -n h1 addr add 10.0.1.2/24 dev eth0
ip -n r1 addr add 10.0.1.1/24 dev eth0
ip -n r1 addr add 10.0.2.1/24 dev eth1
ip -n r2 addr add 10.0.2.2/24 dev eth0
ip -n r2 addr add 10.0.3.1/24 dev eth1
ip -n h2 addr add 10.0.3.2/24 dev eth0
ip -n h1 link set eth0 up
ip -n r1 link set eth0 up
ip -n r1 link set eth1 up
ip -n r2 link set eth0 up
ip -n r2 link set eth1 up
ip -n h2 link set eth0 up
ip -n h1 link set lo up
ip -n h2 link set lo up
ip -n h1 route add default via 10.0.1.1
ip -n r1 route add 10.0.3.0/24 via 10.0.2.2
ip -n r2 route add 10.0.1.0/24 via 10.0.2.1
ip -n h2 route add default via 10.0.3.1
ip netns exec r1 sysctl -q -w net.ipv4.ip_forward=1
ip netns exec r2 sysctl -q -w net.ipv4.ip_forward=1

ip netns exec r1 sysctl -q -w net.ipv4.icmp_ratemask=0
ip netns exec r2 sysctl -q -w net.ipv4.icmp_ratemask=0
ip netns exec h2 sysctl -q -w net.ipv4.icmp_ratemask=0
ip netns exec h1 ping -q -c 2 127.0.0.1
ip netns exec h1 traceroute -n 10.0.3.2
ip netns exec h1 traceroute 10.0.3.2
ip netns exec h1 traceroute -n -I 10.0.3.2
ip netns exec h1 traceroute -n -q 1 10.0.3.2
ip netns exec h1 traceroute -n -m 2 10.0.3.2
ip netns exec h1 traceroute -n -f 2 10.0.3.2
ip netns exec h1 traceroute -n -I -f 3 -q 2 10.0.3.2
ip netns exec h1 traceroute -n 10.0.3.2 100
ip netns exec h1 traceroute -n -p 5000 -q 2 10.0.3.2
ip netns exec h1 traceroute -nI -q1 -m1 10.0.3.2
ip netns exec h1 traceroute -n 10.0.1.1
ip netns exec h1 traceroute -n 10.0.1.2
ip netns exec h1 traceroute localhost
ip netns exec h2 traceroute -n -N 1 10.0.1.2
ip netns exec h1 ip -s link show eth0
