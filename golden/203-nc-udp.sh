# UDP with nc: a receiver in b, a datagram from a, the receiver connects to its first peer (ss shows ESTAB), so another sender port gets port unreachable (nc -u -z -v fails)
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
ip netns exec b nc -u -l 5353 &
ip netns exec b ss -uan
ip netns exec b ss -ul
echo hello | ip netns exec a nc -u -q0 -p 40003 10.0.0.2 5353
ip netns exec b ss -uan
ip netns exec a ss -uan
ip netns exec a nc -u -z -v 10.0.0.2 5353
ip netns exec b ss -uan
ip netns exec b ss -tuan
