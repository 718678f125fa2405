# two pods on a Linux bridge in the root netns (no IP on the bridge): pod-to-pod ping both ways, bridge carrier follows its ports, root netns cannot reach the pods
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add pa
ip netns add pb
ip netns exec pa sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pb sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add vpa address 02:00:00:00:01:01 type veth peer name eth0 address 02:00:00:00:02:01 netns pa
ip link add vpb address 02:00:00:00:01:02 type veth peer name eth0 address 02:00:00:00:02:02 netns pb
ip link set vpa master br0
ip link set vpb master br0
ip -n pa addr add 10.244.0.2/24 dev eth0
ip -n pb addr add 10.244.0.3/24 dev eth0
ip link set br0 up
ip link set vpa up
ip link set vpb up
ip -n pa link set lo up
ip -n pb link set lo up
ip -n pa link set eth0 up
ip -n pb link set eth0 up
ping -q -c 2 127.0.0.1
ip link show br0
ip netns exec pa ping -c 2 -i 0.2 10.244.0.3
ip netns exec pb ping -c 1 10.244.0.2
ip -n pa neigh show 10.244.0.3 dev eth0
ping -c 1 -W 1 10.244.0.2
ip link set vpb down
ping -q -c 2 127.0.0.1
ip netns exec pa ping -c 1 -W 1 10.244.0.3
ip link set vpa down
ping -q -c 2 127.0.0.1
ip link show br0
