# br_netfilter (built in on the recording host): bridged IPv4 between two pods traverses iptables with -i/-o the bridge; PREROUTING/FORWARD/POSTROUTING counters; a FORWARD DROP stops pod-to-pod pings; bridge-nf-call-iptables=0 lets them through again; the bridge's own address goes through INPUT once
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
ip addr add 10.244.0.1/24 dev br0
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
sysctl net.bridge.bridge-nf-call-iptables
iptables -t mangle -A PREROUTING -i br0 -p icmp
iptables -t mangle -A POSTROUTING -o br0 -p icmp
iptables -A FORWARD -i br0 -o br0 -p icmp
iptables -A INPUT -i br0 -p icmp
ip netns exec pa ping -c 2 -i 0.2 10.244.0.3
ip netns exec pa ping -c 1 10.244.0.1
iptables -L FORWARD -v -n -x
iptables -L INPUT -v -n -x
iptables -t mangle -L -v -n -x
iptables -A FORWARD -i br0 -o br0 -s 10.244.0.2 -j DROP
ip netns exec pa ping -c 1 -W 1 10.244.0.3
ip netns exec pb ping -c 1 -W 1 10.244.0.2
iptables -L FORWARD -v -n -x
sysctl -w net.bridge.bridge-nf-call-iptables=0
ip netns exec pa ping -c 1 -W 1 10.244.0.3
iptables -L FORWARD -v -n -x
