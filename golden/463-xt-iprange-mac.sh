# -m iprange and -m mac: pings from a namespace with a pinned MAC are counted by source range and MAC; reversed range warning; forms and errors
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1/24 dev v0
ip link set v0 up
ip -n a addr add 10.0.0.2/24 dev v1
ip -n a addr add 10.0.0.9/24 dev v1
ip -n a link set v1 up
ip -n a link set lo up
ping -q -c 2 127.0.0.1
iptables -A INPUT -i v0 -m iprange --src-range 10.0.0.2-10.0.0.5
iptables -A INPUT -i v0 -m iprange ! --src-range 10.0.0.2-10.0.0.5 --dst-range 10.0.0.1
iptables -A INPUT -i v0 -m mac --mac-source 02:00:00:00:00:02
iptables -A INPUT -i v0 -m mac ! --mac-source 02:00:00:00:00:02
iptables -A INPUT -i v0 -m iprange --src-range 10.0.0.5-10.0.0.2
ip netns exec a ping -c 2 -i 0.2 10.0.0.1
ip netns exec a ping -c 1 -I 10.0.0.9 10.0.0.1
iptables -L INPUT -v -n -x
iptables -L INPUT
iptables -S INPUT
iptables -A INPUT -m mac --mac-source 2:0:0:0:0:aB
iptables -S INPUT 7
iptables -A INPUT -m iprange
iptables -A INPUT -m iprange --src-range 10.0.0.1-x
iptables -A INPUT -m iprange --dst-range 10.0.0.0/24
iptables -A INPUT -m iprange --src-range 1.1.1.1 --src-range 1.1.1.2
iptables -A INPUT -m mac
iptables -A INPUT -m mac --mac-source 02:00:00:00:00
iptables -A INPUT -m mac --mac-source 02:00:00:00:00:zz
iptables -A OUTPUT -m mac --mac-source 02:00:00:00:00:01
iptables -t mangle -A POSTROUTING -m mac --mac-source 02:00:00:00:00:01
