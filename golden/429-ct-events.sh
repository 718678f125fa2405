# conntrack -E as a background listener: NEW and UPDATE events of a TCP connection's opening as b sees it (state changes, ASSURED, full timeouts; the close is left out: whether the peer's ACK of a FIN goes alone is a race on Linux), a UDP flow (-p udp -e NEW filter on a second listener), the count printed when killed
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
ip netns exec b conntrack -E -e NEW,UPDATE &
ip netns exec b conntrack -E -p udp -e NEW &
ip netns exec b nc -l 8080 &
sleep 1
ip netns exec a nc -n -p 40000 10.0.0.2 8080 &
sleep 1
echo x | ip netns exec a nc -u -q0 -p 40001 10.0.0.2 5000
sleep 1
kill %1
kill %2
