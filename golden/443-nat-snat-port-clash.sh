# two pods behind SNAT --to-source 192.168.1.10:1000-1001 connect one after the other from port 1000 to the same remote port: the first keeps 1000; the second clashes with the first's entry (still in TIME_WAIT in conntrack) and gets 1001 (nf_nat_l4proto_unique_tuple); the remote's nc -v shows each translated source; ping is masqueraded by the second rule; the nat rules counted first packets only
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
ip netns add pod2
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth2 address 02:00:00:00:01:12 type veth peer name eth0 address 02:00:00:00:00:03 netns pod2
ip link set veth2 master cni0
ip link set veth2 up
ip -n pod2 addr add 10.244.1.3/24 dev eth0
ip -n pod2 link set lo up
ip -n pod2 link set eth0 up
ip -n pod2 route add default via 10.244.1.1
iptables -t nat -A POSTROUTING -s 10.244.1.0/24 -o eth0 -p tcp -j SNAT --to-source 192.168.1.10:1000-1001
iptables -t nat -A POSTROUTING -s 10.244.1.0/24 -o eth0 -j MASQUERADE
sleep 1
ip netns exec remote nc -v -n -l 8080 &
sleep 1
echo one | ip netns exec pod1 nc -q1 -p 1000 192.168.1.20 8080
ip netns exec remote nc -v -n -l 8080 &
sleep 1
echo two | ip netns exec pod2 nc -q1 -p 1000 192.168.1.20 8080
ip netns exec pod2 ss -tan
ip netns exec remote ss -tan
ip netns exec pod2 ping -c 1 192.168.1.20
iptables -t nat -L POSTROUTING -n -v -x
