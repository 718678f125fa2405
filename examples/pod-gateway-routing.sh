# The pod's way out (the article's red line): the bridge holds the pods' gateway address, the pod
# has a default route via it, and with ip_forward=1 the host routes between two pod subnets.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add br1 address 02:00:00:00:02:00 type bridge
ip addr add 10.244.1.1/24 dev br0
ip addr add 10.244.2.1/24 dev br1
ip link set br0 up
ip link set br1 up
ip netns add pod1
ip netns add pod2
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth1 address 02:00:00:00:01:01 type veth peer name eth0 address 02:00:00:00:00:11 netns pod1
ip link add veth2 address 02:00:00:00:02:01 type veth peer name eth0 address 02:00:00:00:00:21 netns pod2
ip link set veth1 master br0
ip link set veth2 master br1
ip link set veth1 up
ip link set veth2 up
ip -n pod1 addr add 10.244.1.2/24 dev eth0
ip -n pod2 addr add 10.244.2.2/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod2 link set eth0 up
ip -n pod1 route add default via 10.244.1.1
ip -n pod2 route add default via 10.244.2.1
ping -q -c 2 127.0.0.1
ip -n pod1 route show
ip route show
# without forwarding the host answers for its own addresses only
ip netns exec pod1 ping -c 1 -W 1 10.244.1.1
ip netns exec pod1 ping -c 1 -W 1 10.244.2.2
sysctl -w net.ipv4.ip_forward=1
ip netns exec pod1 ping -c 2 -i 0.2 10.244.2.2
ip route get 10.244.2.2 from 10.244.1.2 iif br0
