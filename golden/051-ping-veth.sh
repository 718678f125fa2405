# ping across a veth pair into a netns and back: replies, ttl 64, sizes, -I dev, ping own address, ping from inside with ip netns exec
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1/24 dev veth0
ip -n a addr add 10.0.0.2/24 dev eth0
ip link set veth0 up
ip -n a link set eth0 up
ip -n a link set lo up
ping -q -c 2 127.0.0.1
ping -c 2 -i 0.2 10.0.0.2
ip netns exec a ping -c 2 -i 0.2 10.0.0.1
ping -c 1 -s 1472 10.0.0.2
ping -c 1 -s 100 -q 10.0.0.2
ping -c 1 -I veth0 10.0.0.2
ping -c 1 10.0.0.1
ip netns exec a ping -c 1 10.0.0.2
ip netns exec a ping -c 1 127.0.0.1
ip netns exec a ping -c 1 -W 1 10.0.0.3
