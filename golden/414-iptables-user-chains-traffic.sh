# user chains on the data path: jump, RETURN, goto, implicit return at the end of a chain; policy DROP of FORWARD; per-rule and policy counters
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
ip netns exec r iptables -N pods
ip netns exec r iptables -N blocked
ip netns exec r iptables -A FORWARD -i ra -j pods
ip netns exec r iptables -A FORWARD -i rb -g blocked
ip netns exec r iptables -A FORWARD -j ACCEPT
ip netns exec r iptables -A pods -p icmp --icmp-type echo-request -j RETURN
ip netns exec r iptables -A pods -j DROP
ip netns exec r iptables -A blocked -s 10.2.0.9 -j DROP
ip netns exec a ping -c 2 -i 0.2 -W 1 10.2.0.2
ip netns exec r iptables -P FORWARD DROP
ip netns exec a ping -c 1 -W 1 10.2.0.2
ip netns exec r iptables -L -n -v -x
ip netns exec r iptables -P FORWARD ACCEPT
ip netns exec r iptables -L FORWARD -v -n -x
ip netns exec r iptables-save -c
