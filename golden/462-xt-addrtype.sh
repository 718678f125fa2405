# -m addrtype: the FIB's route type of the source/destination (inet_dev_addr_type over the local table); --limit-iface-in counts a local address only on the input device (10.0.0.1 lives on v0, so its loopback delivery is UNICAST there); forms and errors
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1/24 dev v0
ip link set v0 up
ip -n a addr add 10.0.0.2/24 dev v1
ip -n a link set v1 up
ip -n a link set lo up
ping -q -c 2 127.0.0.1
iptables -A OUTPUT -m addrtype --dst-type LOCAL
iptables -A OUTPUT -m addrtype --dst-type UNICAST
iptables -A OUTPUT -m addrtype --src-type LOCAL --dst-type BROADCAST,MULTICAST
iptables -A INPUT -m addrtype --dst-type LOCAL --limit-iface-in
iptables -A INPUT -m addrtype ! --src-type LOCAL
iptables -A INPUT -m addrtype --src-type UNICAST --dst-type LOCAL
ping -c 1 127.0.0.1
ping -c 1 10.0.0.1
ping -c 1 10.0.0.2
iptables -L -v -n -x
iptables -S
iptables -L INPUT
iptables -A FORWARD -m addrtype --src-type unspec,unicast,local,anycast,blackhole,unreachable,prohibit,throw,nat,xresolve
iptables -A FORWARD -m addrtype ! --src-type LOCAL ! --dst-type LOCAL --limit-iface-out
iptables -S FORWARD
iptables -A FORWARD -m addrtype
iptables -A FORWARD -m addrtype --src-type wrong
iptables -A FORWARD -m addrtype --limit-iface-in
iptables -A FORWARD -m addrtype --src-type LOCAL --limit-iface-in --limit-iface-out
iptables -A FORWARD -m addrtype --src-type LOCAL --src-type UNICAST
iptables -A OUTPUT -m addrtype --src-type LOCAL --limit-iface-in
iptables -I INPUT -m addrtype --src-type LOCAL --limit-iface-out
iptables -t mangle -A POSTROUTING -m addrtype --dst-type LOCAL --limit-iface-in
