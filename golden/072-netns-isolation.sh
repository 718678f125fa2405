# namespaces are isolated: same device names/addresses in two netns, per-netns sysctls and routes, ip -n vs ip netns exec give the same view
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns add b
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n a link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
ip -n b link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.1/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ping -q -c 2 127.0.0.1
ip netns exec a sysctl -w net.ipv4.ip_forward=1
ip netns exec b sysctl net.ipv4.ip_forward
sysctl net.ipv4.ip_forward
ip -n a route add 192.168.0.0/16 via 10.0.0.2
ip -n a route show
ip -n b route show
ip route show
ip netns exec a ip -br addr
ip -n a -br addr
ip -n b -br addr
ip -br addr
ip netns exec a ip route get 192.168.1.1
ip -n b route get 192.168.1.1
ip netns exec a sysctl net.ipv4.conf.eth0.forwarding
ip netns exec b sysctl net.ipv4.conf.eth0.forwarding
