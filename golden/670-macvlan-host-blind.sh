# the article's second question on the real kernel: a macvlan pod's traffic passes none of the
# host's netfilter hooks (counting rules in every mangle chain stay 0), while the host's own
# traffic on the same lower device is counted; the vxlan/bridge contrast is in nsnet explain
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add ext
ip netns add pod1
ip netns exec ext sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add up0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns ext
ip link add link up0 name mv1 address 02:00:00:00:01:01 netns pod1 type macvlan mode bridge
ip addr add 10.0.0.1/24 dev up0
ip -n ext addr add 10.0.0.100/24 dev eth0
ip -n pod1 addr add 10.0.0.11/24 dev mv1
ip -n ext link set eth0 up
ip -n pod1 link set mv1 up
ip link set up0 up
iptables -t mangle -A PREROUTING
iptables -t mangle -A INPUT
iptables -t mangle -A FORWARD
iptables -t mangle -A OUTPUT
iptables -t mangle -A POSTROUTING
sleep 1
ip netns exec ext ping -c 3 -i 0.2 -W 1 10.0.0.11
ip netns exec pod1 ping -c 2 -i 0.2 -W 1 10.0.0.100
iptables -t mangle -L -v -n -x
ip netns exec ext ping -c 2 -i 0.2 -W 1 10.0.0.1
iptables -t mangle -L -v -n -x
ip -n ext neigh show 10.0.0.11 dev eth0
