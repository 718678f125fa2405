# MARK in mangle OUTPUT steers policy routing: ipt_mangle_out re-routes a packet whose mark changed (ip rule fwmark 0x1 -> table 100 -> via b), while filter OUTPUT in the same hook still sees the first route's device (-o va counts it); b's eth0 carries the exchange
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add va address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip link add vb address 02:00:00:00:00:03 type veth peer name eth0 address 02:00:00:00:00:04 netns b
ip addr add 10.0.1.1/24 dev va
ip addr add 10.0.2.1/24 dev vb
ip link set va up
ip link set vb up
ip -n a addr add 10.0.1.2/24 dev eth0
ip -n a addr add 192.168.9.9/32 dev eth0
ip -n b addr add 10.0.2.2/24 dev eth0
ip -n b addr add 192.168.9.9/32 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a route add default via 10.0.1.1
ip -n b route add default via 10.0.2.1
ip route add 192.168.9.9/32 via 10.0.1.2
ip route add 192.168.9.9/32 via 10.0.2.2 table 100
ip rule add fwmark 0x1 table 100
ping -q -c 2 127.0.0.1
ping -c 1 -W 1 -q 192.168.9.9
iptables -t mangle -A OUTPUT -d 192.168.9.9 -p icmp -j MARK --set-mark 1
iptables -A OUTPUT -o va
iptables -A OUTPUT -o vb
ping -c 1 -W 1 -q 192.168.9.9
iptables -L OUTPUT -v -n -x
ip -n b -s link show eth0
ip -n a -s link show eth0
