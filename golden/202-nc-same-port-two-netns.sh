# ports are per network namespace: b and c both listen on :80, the same port is taken twice in one namespace (Address already in use), the root namespace reaches both
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add b
ip netns add c
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 netns b address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 netns c address 02:00:00:00:00:04
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.1.1/24 dev veth2
ip -n b addr add 10.0.0.2/24 dev veth1
ip -n c addr add 10.0.1.2/24 dev veth3
ip link set veth0 up
ip link set veth2 up
ip -n b link set veth1 up
ip -n c link set veth3 up
sleep 1
ip netns exec b nc -l 80 &
ip netns exec c nc -l 80 &
ip netns exec b ss -tln
ip netns exec c ss -tln
ss -tln
ip netns exec b nc -l 80
echo to-b | nc -q1 -p 40001 10.0.0.2 80
echo to-c | nc -q1 -p 40002 10.0.1.2 80
ss -tan sport = :40001
ss -tan sport = :40002
ip netns exec b ss -tan
ip netns exec c ss -tan
