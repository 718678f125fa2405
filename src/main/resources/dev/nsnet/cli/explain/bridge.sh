# bridge + NAT (the CNI bridge plugin): pod1 behind cni0, its traffic routed and masqueraded by node1
sysctl -q -w net.ipv4.ip_forward=1
ip link add cni0 address 0a:58:0a:f4:01:01 type bridge
ip addr add 10.244.1.1/24 dev cni0
ip link set cni0 up
ip netns add pod1
ip link add veth1 address 7e:3a:91:00:00:02 type veth peer name eth0 address 0a:58:0a:f4:01:02 netns pod1
ip link set veth1 master cni0
ip link set veth1 up
ip -n pod1 link set lo up
ip -n pod1 addr add 10.244.1.2/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod1 route add default via 10.244.1.1
iptables -t nat -A POSTROUTING -s 10.244.1.0/24 ! -o cni0 -j MASQUERADE
