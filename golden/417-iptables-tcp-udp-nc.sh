# tcp/udp port filters as nc sees them: REJECT --reject-with tcp-reset on a listening port (connection refused), the default REJECT on a udp port, ACCEPT by --dport before a blanket tcp-reset, counters per rule
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
ip netns exec b nc -l 8080 &
ip netns exec b nc -l 8081 &
ip netns exec b iptables -A INPUT -p tcp --dport 8080 -j REJECT --reject-with tcp-reset
ip netns exec a nc -z -v -n 10.0.0.2 8080
ip netns exec a nc -z -v -n 10.0.0.2 8081
ip netns exec b iptables -A INPUT -p udp --dport 5353 -j REJECT
ip netns exec a nc -u -z -v -n 10.0.0.2 5353
ip netns exec b iptables -I INPUT -p tcp -s 10.0.0.1 --sport 40000 --dport 8080 -j ACCEPT
ip netns exec a nc -z -v -n -p 40000 10.0.0.2 8080
ip netns exec b iptables -L INPUT -v -n -x
ip netns exec b iptables -L INPUT
ip netns exec b iptables -S
