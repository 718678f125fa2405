# TCP SYN retransmission on the timer wheel, seen in a DROP rule counter of iptables -L -v -x (fuzz seed 63 of generator v4, shrunk from 84 to 42 commands): one SYN on the kernel and in nsnet
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link set veth3 up
ip link set veth1 mtu 1280
ip link del veth0
ip netns add c
ip netns exec c sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec c ip link add veth2 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 mtu 1280
ping -q -c 2 127.0.0.1
ip -o route show
ip -n c rule show
ip netns exec c bridge link show
ip -n c addr
ip route
ip -n c -4 addr show
ip -n c neigh show dev veth1 nud permanent
ip route show
ip netns exec c ip addr add 10.0.1.254/24 dev veth2
ip -n c addr add 10.0.3.2/16 dev lo
ip netns exec c ip rule add from 10.0.0.0/24 table 100 pref 140
ip neigh show dev lo nud permanent
ip netns exec c iptables -A OUTPUT -j DROP
iptables -L -n -v -x
ip netns exec c iptables -S
iptables -D INPUT 1
iptables-save
iptables -A OUTPUT -d 10.0.2.0/24 -p udp -j RETURN
ip netns exec c iptables -N x1
iptables -D OUTPUT 1
iptables -A OUTPUT -j RETURN
ip netns exec c nc -z -v -w 1 10.0.1.254 8080
nc -z -v -w 1 127.0.0.1 8080
ss -tan
iptables-save
ip netns exec c iptables -I INPUT -m comment --comment "xt 10" -j ACCEPT
iptables -t raw -A OUTPUT -p icmp -m icmp --icmp-type echo-request -m mark --mark 0 -j TRACE
ip netns exec c iptables -A OUTPUT -p icmp -m icmp --icmp-type echo-request -m mark --mark 3
ip netns exec c iptables -I OUTPUT -p icmp -m icmp --icmp-type echo-request -m mark --mark 3 -j TRACE
ip netns exec c iptables -t mangle -A PREROUTING -m addrtype ! --dst-type LOCAL -j MARK --and-mark 0xf
ip netns exec c iptables -L -n -v -x
