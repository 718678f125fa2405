# learning on the virtual clock: entries appear with traffic, show their age with -s, go stale and
# are aged out ageing_time after the last frame; a port that goes down loses its entries
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add pa
ip netns add pb
ip netns exec pa sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pb sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add br0 address 02:00:00:00:01:00 type bridge ageing_time 300
ip link add vpa address 02:00:00:00:01:01 type veth peer name eth0 address 02:00:00:00:02:01 netns pa
ip link add vpb address 02:00:00:00:01:02 type veth peer name eth0 address 02:00:00:00:02:02 netns pb
ip link set vpa master br0 up
ip link set vpb master br0 up
ip link set br0 up
ip -n pa addr add 10.244.0.2/24 dev eth0
ip -n pb addr add 10.244.0.3/24 dev eth0
ip -n pa link set eth0 up
ip -n pb link set eth0 up
ping -q -c 2 127.0.0.1
bridge fdb show br br0 dynamic
ip netns exec pa ping -c 1 10.244.0.3
bridge fdb show br br0 dynamic
bridge -s fdb show br br0 dynamic
bridge -j fdb show br br0 dynamic
ping -q -c 2 127.0.0.1
bridge -s fdb show br br0 dynamic
ping -q -c 3 127.0.0.1
bridge fdb show br br0 dynamic
ip netns exec pa ping -c 1 10.244.0.3
bridge fdb show br br0 dynamic
ip -n pb link set eth0 down
bridge fdb show br br0 dynamic
bridge link
ip link show br0
