# MASQUERADE's notifiers: a UDP flow from pod1:5000 is masqueraded once (the nat rule counts its first packet only); taking the out device down and up kills its entry, so the next datagram is a new connection (counted again); removing an unrelated address of eth0 keeps it, removing the address it was mapped to kills it
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
iptables -t nat -A POSTROUTING -s 10.244.1.0/24 ! -o cni0 -j MASQUERADE
sleep 1
ip netns exec pod1 nc -u -z -p 5000 -n 192.168.1.20 9999
ip netns exec pod1 nc -u -z -p 5000 -n 192.168.1.20 9999
iptables -t nat -L POSTROUTING -n -v -x
ip link set eth0 down
ip link set eth0 up
sleep 1
ip netns exec pod1 nc -u -z -p 5000 -n 192.168.1.20 9999
iptables -t nat -L POSTROUTING -n -v -x
ip addr add 192.168.1.11/24 dev eth0
ip addr del 192.168.1.11/24 dev eth0
ip netns exec pod1 nc -u -z -p 5000 -n 192.168.1.20 9999
iptables -t nat -L POSTROUTING -n -v -x
ip addr del 192.168.1.10/24 dev eth0
ip addr add 192.168.1.10/24 dev eth0
ip netns exec pod1 nc -u -z -p 5000 -n 192.168.1.20 9999
iptables -t nat -L POSTROUTING -n -v -x
