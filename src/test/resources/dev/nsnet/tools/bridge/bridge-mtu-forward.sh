# a bridged frame must fit the egress port's MTU (IPv4 1400 passes a 1400-MTU port, 1404 and 1405
# do not): it is dropped in br_dev_queue_push_xmit without a counter
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add pa
ip netns add pb
ip netns exec pa sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pb sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add vpa address 02:00:00:00:01:01 type veth peer name eth0 address 02:00:00:00:02:01 netns pa
ip link add vpb address 02:00:00:00:01:02 mtu 1400 type veth peer name eth0 address 02:00:00:00:02:02 netns pb
ip link set vpa master br0 up
ip link set vpb master br0 up
ip -n pa addr add 10.244.0.2/24 dev eth0
ip -n pb addr add 10.244.0.3/24 dev eth0
ip -n pa link set eth0 up
ip -n pb link set eth0 up
ip link set br0 up
ping -q -c 2 127.0.0.1
ip netns exec pa ping -c 1 -W 1 -s 1372 10.244.0.3
ip netns exec pa ping -c 1 -W 1 -s 1376 10.244.0.3
ip netns exec pa ping -c 1 -W 1 -s 1377 10.244.0.3
ip -s link show vpb
