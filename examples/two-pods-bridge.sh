# Two pods on one bridge (the article's figure 4): pod1 -> pod2 is switched at layer 2 by br0.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link set br0 up
ip netns add pod1
ip netns add pod2
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth1 address 02:00:00:00:01:01 type veth peer name eth0 address 02:00:00:00:00:11 netns pod1
ip link add veth2 address 02:00:00:00:01:02 type veth peer name eth0 address 02:00:00:00:00:12 netns pod2
ip link set veth1 master br0
ip link set veth2 master br0
ip link set veth1 up
ip link set veth2 up
ip -n pod1 addr add 10.244.1.2/24 dev eth0
ip -n pod2 addr add 10.244.1.3/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod2 link set eth0 up
# link-state changes settle (the kernel's linkwatch) before anything is observed
ping -q -c 2 127.0.0.1
ip link show master br0
ip netns exec pod1 ping -c 2 -i 0.2 10.244.1.3
bridge fdb show br br0 dynamic
ip -n pod1 neigh show 10.244.1.3 dev eth0
