# -m physdev: br_netfilter's bridge port info. Pod-to-pod pings over a bridge match --physdev-in/--physdev-out/--physdev-is-bridged in FORWARD; a ping to the bridge's address matches --physdev-in and --physdev-is-in in INPUT but not --physdev-is-bridged; routed-out (OUTPUT) packets have no port info; forms and errors
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
iptables -A FORWARD -p icmp -m physdev --physdev-in vpa --physdev-out vpb
iptables -A FORWARD -p icmp -m physdev --physdev-in vp+ --physdev-is-bridged
iptables -A FORWARD -p icmp -m physdev ! --physdev-in vpa
iptables -A FORWARD -p icmp -m physdev ! --physdev-is-bridged
iptables -A INPUT -p icmp -m physdev --physdev-in vpa
iptables -A INPUT -p icmp -m physdev --physdev-is-in ! --physdev-is-out
iptables -A INPUT -p icmp -m physdev --physdev-is-bridged
iptables -A OUTPUT -p icmp -m physdev ! --physdev-is-in
iptables -A OUTPUT -p icmp -m physdev --physdev-is-in
iptables -t mangle -A POSTROUTING -p icmp -m physdev --physdev-out vpb --physdev-is-bridged
ip netns exec pa ping -c 2 -i 0.2 10.244.0.3
ip netns exec pa ping -c 1 10.244.0.1
iptables -L -v -n -x
iptables -t mangle -L POSTROUTING -v -n -x
iptables -S
iptables -L FORWARD
iptables -A INPUT -m physdev
iptables -A INPUT -m physdev --physdev-in 0123456789abcdef
iptables -A INPUT -m physdev --physdev-in a --physdev-in b
iptables -A OUTPUT -m physdev --physdev-out vpb
iptables -A OUTPUT -m physdev --physdev-is-out ! --physdev-is-bridged
iptables -A OUTPUT -m physdev --physdev-is-out --physdev-is-bridged
iptables -S OUTPUT
