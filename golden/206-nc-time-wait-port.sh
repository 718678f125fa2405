# a port in TIME-WAIT stays taken: binding the same source port again (nc -p, SO_REUSEPORT but no SO_REUSEADDR) fails with Address already in use, over a veth and over lo; another port works
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
echo hello | ip netns exec a nc -q1 -p 40000 10.0.0.2 8080
ip netns exec b nc -l 8080 &
echo again | ip netns exec a nc -v -q1 -p 40000 10.0.0.2 8080
ip netns exec a ss -tan
echo third | ip netns exec a nc -v -q1 -p 40001 10.0.0.2 8080
ip netns exec a nc -l 127.0.0.1 9000 &
echo one | ip netns exec a nc -q1 -p 40011 127.0.0.1 9000
ip netns exec a nc -l 127.0.0.1 9000 &
echo two | ip netns exec a nc -v -q1 -p 40011 127.0.0.1 9000
