# connection states in ss while an nc connection is open (ESTAB on both sides, the listener), after the client is killed (TIME-WAIT on its side), and a connection over lo inside one namespace
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
ip netns exec b nc -v -n -l 8080 &
ip netns exec a nc -n -p 40010 10.0.0.2 8080 &
ip netns exec b ss -tan
ip netns exec a ss -tan
ip netns exec a ss -ta
ip netns exec b ss -t
ip netns exec b ss -tl
kill %2
ip netns exec a ss -tan
ip netns exec b ss -tan
ip netns exec a nc -l 127.0.0.1 9000 &
echo over-lo | ip netns exec a nc -q1 -p 40011 127.0.0.1 9000
ip netns exec a ss -tan sport = :40011
