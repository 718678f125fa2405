# A lost data segment on the real kernel: the receiver's iptables drops the third TCP packet to port
# 8080 (the first data segment, after SYN and ACK); the sender retransmits it after the RTO and the
# listener prints the line. The DROP rule counted one packet of the segment's size.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n a link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 netns b address 02:00:00:00:00:02
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip netns exec a ping -q -c 1 10.0.0.2
ip netns exec b iptables -A INPUT -p tcp --dport 8080 -m statistic --mode nth --every 1000 --packet 2 -j DROP
ip netns exec b nc -l 8080 &
echo hello | ip netns exec a nc -q1 -p 40000 10.0.0.2 8080
ip netns exec b iptables -L INPUT -v -n -x
ip netns exec a ss -tan
