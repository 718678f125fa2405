# filters on the local path and by ICMP type: INPUT -i lo DROP silences ping 127.0.0.1; a FORWARD rule on echo-reply lets requests through and drops the replies; counters show which packets each rule saw
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
iptables -A INPUT -i lo -p icmp --icmp-type echo-request -j DROP
ping -c 1 -W 1 127.0.0.1
iptables -L INPUT -v -n -x
iptables -D INPUT 1
ping -c 1 -W 1 127.0.0.1
ip netns exec r iptables -A FORWARD -p icmp --icmp-type echo-request -m comment --comment requests
ip netns exec r iptables -A FORWARD -p icmp --icmp-type echo-reply -j DROP
ip netns exec a ping -c 2 -i 0.2 -W 1 10.2.0.2
ip netns exec r iptables -L FORWARD -v -n -x
ip netns exec r iptables -L FORWARD -v -x
ip netns exec r iptables -I FORWARD 2 -i rb -o ra -j ACCEPT
ip netns exec a ping -c 1 -W 1 10.2.0.2
ip netns exec r iptables -L FORWARD -v -n -x --line-numbers
ip netns exec b iptables -A INPUT ! -s 10.1.0.2 -j DROP
ip netns exec a ping -c 1 -W 1 10.2.0.2
ip netns exec r ping -c 1 -W 1 10.2.0.2
ip netns exec b iptables -L INPUT -v -n -x
