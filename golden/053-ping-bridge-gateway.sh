# a bridge with an IP as the pods' gateway: a pod pings the bridge IP, the root netns pings a pod, pod -> outside netns needs ip_forward=1 in the root netns (ttl 63)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add pa
ip netns add pb
ip netns add ext
ip netns exec pa sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pb sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec ext sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
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
ip addr add 10.244.0.1/24 dev br0
ip -n pa route add default via 10.244.0.1
ip -n pb route add default via 10.244.0.1
ip link add host0 address 02:00:00:00:03:01 type veth peer name eth0 address 02:00:00:00:03:02 netns ext
ip addr add 198.51.100.1/24 dev host0
ip -n ext addr add 198.51.100.2/24 dev eth0
ip link set host0 up
ip -n ext link set eth0 up
ip -n ext link set lo up
ip -n ext route add 10.244.0.0/16 via 198.51.100.1
ping -q -c 2 127.0.0.1
ip route show
ip netns exec pa ping -c 2 -i 0.2 10.244.0.1
ping -c 1 10.244.0.3
ip neigh show 10.244.0.3 dev br0
ip -n pa neigh show 10.244.0.1 dev eth0
ip -n pa route show
ip -n pa route get 198.51.100.2
ip netns exec pa ping -c 1 198.51.100.1
ip netns exec pa ping -c 1 -W 1 198.51.100.2
sysctl -w net.ipv4.ip_forward=1
ip netns exec pa ping -c 2 -i 0.2 198.51.100.2
ip netns exec ext ping -c 1 10.244.0.3
ip -n ext neigh show 198.51.100.1 dev eth0
