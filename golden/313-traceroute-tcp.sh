# traceroute -T (TCP SYN probes) through two routers (h1 - r1 - r2 - h2): the closed port answers RST,
# an nc listener answers SYN-ACK (and h1's kernel resets it), -p picks the port, -n -q -m -w -f.
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
ip netns exec h1 ping -q -c 1 10.0.3.2
ip netns exec h1 traceroute -n -T 10.0.3.2
ip netns exec h2 nc -l 8080 &
ip netns exec h1 traceroute -n -T -p 8080 10.0.3.2
ip netns exec h1 traceroute -n -T -q 1 -p 8080 10.0.3.2
ip netns exec h1 traceroute -n -T -m 2 10.0.3.2
ip netns exec h1 traceroute -n -T -f 2 -q 2 10.0.3.2
ip netns exec h1 traceroute -n -T -w 1 10.0.3.2
ip netns exec h1 traceroute -n -T 10.0.1.1
ip netns exec h1 traceroute -n -T 10.0.3.2 100
ip netns exec h1 traceroute -n -T -p 22 10.0.1.2
ip netns exec h2 ss -tn state syn-recv
ip netns exec h2 ss -tln
ip netns exec h1 ss -tan
