# port flags: without learning every unicast frame is unknown and flooded; a port without
# unicast flooding then never gets the replies' requests; port state set by hand
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
ip link set vpa master br0 up
ip link set vpb master br0 up
ip -n pa addr add 10.244.0.2/24 dev eth0
ip -n pb addr add 10.244.0.3/24 dev eth0
ip -n pa link set eth0 up
ip -n pb link set eth0 up
ip link set br0 up
bridge link set dev vpa learning off
bridge link set dev vpb learning off
ping -q -c 2 127.0.0.1
ip netns exec pa ping -c 1 10.244.0.3
bridge fdb show br br0 dynamic
bridge -d link show dev vpa
bridge link set dev vpb flood off
ip -n pa neigh flush dev eth0
ip -n pb neigh flush dev eth0
ip netns exec pa ping -c 1 -W 1 10.244.0.3
bridge link set dev vpb flood on learning on
bridge link set dev vpa learning on
ip netns exec pa ping -c 1 10.244.0.3
bridge fdb show br br0 dynamic
bridge link set dev vpb state blocking
bridge link
bridge link set dev vpb state disabled
bridge link
bridge fdb show br br0 dynamic
ip netns exec pa ping -c 1 -W 1 10.244.0.3
bridge link set dev vpb state forwarding
bridge link
ip link set br0 type bridge ageing_time 0
ip netns exec pa ping -c 1 10.244.0.3
bridge fdb show br br0 dynamic
