# a TCP transfer with nc between two namespaces: a listener in b, a client in a sending one line, ss listings of LISTEN, and TIME-WAIT on the side that closed first
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
ip netns exec b nc -l 8080 &
ip netns exec b ss -tln
ip netns exec b ss -tl
ip netns exec b ss -Htln
echo hello | ip netns exec a nc -q1 -p 40000 10.0.0.2 8080
ip netns exec a ss -tan
ip netns exec a ss -tn state time-wait
ip netns exec b ss -tan
ip netns exec b nc -v -l 8081 &
ip netns exec a nc -z 10.0.0.2 8081
ip netns exec b nc -l 10.0.0.2 8082 &
ip netns exec b ss -tln
ip netns exec a nc -z -v -n 10.0.0.2 8082
