# --syn and --tcp-flags: listings and -S forms, a SYN rejected with tcp-reset (connection refused), ! --syn letting the handshake through; errors for bad flags
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip link add veth0 netns a address 02:00:00:00:00:01 type veth peer name veth1 netns b address 02:00:00:00:00:02
ip -n a addr add 10.0.0.1/24 dev veth0
ip -n b addr add 10.0.0.2/24 dev veth1
ip -n a link set lo up
ip -n b link set lo up
ip -n a link set veth0 up
ip -n b link set veth1 up
sleep 1
iptables -A INPUT -p tcp --syn -j DROP
iptables -A INPUT -p tcp ! --syn --dport 22
iptables -A INPUT -p tcp --tcp-flags ALL NONE
iptables -A INPUT -p tcp --tcp-flags SYN,ACK SYN,ACK --sport 5
iptables -A INPUT -p tcp ! --tcp-flags fin,urg,psh FIN
iptables -A INPUT -p udp --syn
iptables -A INPUT -p tcp --tcp-flags FOO SYN
iptables -A INPUT -p tcp --tcp-flags SYN
iptables -S INPUT
iptables -L INPUT
iptables -L INPUT -n
ip netns exec b nc -l 8080 &
ip netns exec b iptables -A INPUT -p tcp --dport 8080 --syn -j REJECT --reject-with tcp-reset
ip netns exec a nc -z -v -n 10.0.0.2 8080
ip netns exec b iptables -L INPUT -v -n -x
ip netns exec b iptables -R INPUT 1 -p tcp --dport 8080 ! --syn -j ACCEPT
ip netns exec a nc -z -v -n 10.0.0.2 8080
ip netns exec b iptables -S INPUT
