# REJECT as ping sees it: the default icmp-port-unreachable in INPUT and FORWARD, then host-prohibited; the rejecting rule counts the packets
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns add r
ip netns add b
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec r sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n a link add eth0 address 02:00:00:00:0a:01 type veth peer name ra address 02:00:00:00:0a:02 netns r
ip -n b link add eth0 address 02:00:00:00:0b:01 type veth peer name rb address 02:00:00:00:0b:02 netns r
ip -n a addr add 10.1.0.2/24 dev eth0
ip -n r addr add 10.1.0.1/24 dev ra
ip -n r addr add 10.2.0.1/24 dev rb
ip -n b addr add 10.2.0.2/24 dev eth0
ip -n a link set lo up
ip -n r link set lo up
ip -n b link set lo up
ip -n a link set eth0 up
ip -n r link set ra up
ip -n r link set rb up
ip -n b link set eth0 up
ip -n a route add default via 10.1.0.1
ip -n b route add default via 10.2.0.1
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ping -q -c 2 127.0.0.1
ip netns exec r iptables -A INPUT -s 10.1.0.2 -p icmp --icmp-type echo-request -j REJECT
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip netns exec r iptables -A FORWARD -d 10.2.0.2 -j REJECT --reject-with icmp-host-prohibited
ip netns exec a ping -c 1 -W 1 10.2.0.2
ip netns exec r iptables -L -n -v
ip netns exec r iptables -S
