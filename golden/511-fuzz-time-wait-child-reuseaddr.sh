# fuzz (generator v3, seed 50): an accepted socket inherits SO_REUSEADDR from its listener (sk_clone_lock), so a (which end holds the TIME-WAIT depends on which side closed first, a race on the kernel, so it is not listed)
# TIME-WAIT left on the server's port by a connection the server closed first does not stop a new
# SO_REUSEADDR listener (nc -l, python's http.server) from binding that port
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 netns a address 02:00:00:00:00:01 type veth peer name veth1 netns b address 02:00:00:00:00:02
ip -n a addr add 10.0.0.1/24 dev veth0
ip -n b addr add 10.0.0.2/24 dev veth1
ip -n a link set lo up
ip -n b link set lo up
ip -n a link set veth0 up
ip -n b link set veth1 up
sleep 1
ip netns exec b nc -N -l 8080 &
sleep 0.5
echo hello | ip netns exec a nc -q1 -p 40000 10.0.0.2 8080
wait
sleep 0.5
ip netns exec b nc -l 8080 &
sleep 0.5
ip netns exec b ss -tln sport = :8080
echo again | ip netns exec a nc -q1 -p 40001 10.0.0.2 8080
wait
ip netns exec b python3 -m http.server 8080 --directory /media &
sleep 2
ip netns exec b ss -tln sport = :8080
ip netns exec a curl -s -m 2 -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8080/
kill %1
wait
ip netns exec b nc -l 8080 &
sleep 0.5
echo third | ip netns exec a nc -q1 -p 40002 10.0.0.2 8080
wait
