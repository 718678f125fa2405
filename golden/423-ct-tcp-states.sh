# TCP entries through a connection's life as conntrack sees them from the server side: ESTABLISHED (431999, ASSURED) while open, CLOSE_WAIT/LAST_ACK/TIME_WAIT around the close, a refused connection (only a RST came back: no entry), a connection over lo (one entry, tracked once), -p tcp --state filters
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip link add veth0 netns a address 02:00:00:00:00:01 type veth peer name veth1 netns b address 02:00:00:00:00:02
ip -n a addr add 10.0.0.1/24 dev veth0
ip -n b addr add 10.0.0.2/24 dev veth1
ip -n a link set lo up
ip -n b link set lo up
ip -n a link set veth0 up
ip -n b link set veth1 up
sleep 1
ip netns exec b iptables -A INPUT -m conntrack --ctstate INVALID -j DROP
ip netns exec a iptables -A OUTPUT -m state --state INVALID -j DROP
ip netns exec b nc -n -l 8080 &
sleep 1
ip netns exec a nc -n -p 40010 10.0.0.2 8080 &
sleep 1
ip netns exec b conntrack -L -p tcp
ip netns exec a conntrack -L -p tcp --state ESTABLISHED
kill %2
ip netns exec b conntrack -L -p tcp --dport 8080
ip netns exec a conntrack -L -p tcp --state TIME_WAIT
ip netns exec b conntrack -L -p tcp --state ESTABLISHED
ip netns exec a nc -z -n -p 40011 10.0.0.2 8081
ip netns exec b conntrack -L -p tcp --dport 8081
ip netns exec a conntrack -L -p tcp --dport 8081
ip netns exec b nc -l 8082 &
sleep 1
echo hello | ip netns exec a nc -q0 -p 40012 10.0.0.2 8082
ip netns exec b conntrack -L -p tcp --dport 8082
ip netns exec a nc -l 127.0.0.1 9000 &
sleep 1
echo over-lo | ip netns exec a nc -q0 -p 40013 127.0.0.1 9000
ip netns exec a conntrack -L -p tcp --dport 9000
ip netns exec a conntrack -C
ip netns exec b conntrack -C
ip netns exec b iptables -L INPUT -v -n
