# REDIRECT: a transparent proxy on the node: a pod's TCP to any host:80 is redirected to the node's own port 3128 (the incoming device's first address), the server sees the pod's address; REDIRECT in OUTPUT sends the node's own connection to 127.0.0.1; a port without a listener is refused
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add pod1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add remote
ip netns exec remote sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add cni0 address 02:00:00:00:01:01 type bridge
ip addr add 10.244.1.1/24 dev cni0
ip link set cni0 up
ip link add veth1 address 02:00:00:00:01:11 type veth peer name eth0 address 02:00:00:00:00:02 netns pod1
ip link set veth1 master cni0
ip link set veth1 up
ip -n pod1 addr add 10.244.1.2/24 dev eth0
ip -n pod1 link set lo up
ip -n pod1 link set eth0 up
ip -n pod1 route add default via 10.244.1.1
ip link add eth0 address 02:00:00:00:02:01 type veth peer name eth0 address 02:00:00:00:02:02 netns remote
ip addr add 192.168.1.10/24 dev eth0
ip link set eth0 up
ip -n remote addr add 192.168.1.20/24 dev eth0
ip -n remote link set lo up
ip -n remote link set eth0 up
sysctl -q -w net.ipv4.ip_forward=1
iptables -t nat -A PREROUTING -i cni0 -p tcp --dport 80 -j REDIRECT --to-ports 3128
iptables -t nat -A OUTPUT -p tcp -d 192.168.1.20 --dport 81 -j REDIRECT --to-ports 3128
nc -v -n -l 3128 &
sleep 1
echo via-redirect | ip netns exec pod1 nc -q1 -p 40001 192.168.1.20 80
nc -v -n -l 3128 &
sleep 1
echo local | nc -q1 -p 40002 192.168.1.20 81
ip netns exec pod1 nc -z -v -n 192.168.1.20 80
iptables -t nat -L -n -v -x
