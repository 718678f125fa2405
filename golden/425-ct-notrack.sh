# raw-table CT --notrack and NOTRACK: untracked packets make no entry, -m conntrack sees UNTRACKED (and -m state too), a NOTRACK rule alone does not make conntrack track anything
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
ip netns exec b iptables -t raw -A PREROUTING -p udp --dport 5000 -j NOTRACK
ip netns exec b iptables -t raw -A PREROUTING -p udp --dport 5001 -j CT --notrack
echo x | ip netns exec a nc -u -q0 -p 40001 10.0.0.2 5000
ip netns exec b conntrack -C
ip netns exec b iptables -A INPUT -m conntrack --ctstate UNTRACKED
ip netns exec b iptables -A INPUT -m state --state UNTRACKED
ip netns exec b iptables -A INPUT -m conntrack --ctstate NEW
ip netns exec b iptables -A INPUT -m conntrack ! --ctstate UNTRACKED --ctproto udp
echo x | ip netns exec a nc -u -q0 -p 40004 10.0.0.2 5002
ip netns exec b conntrack -L -p udp --dport 5002
echo x | ip netns exec a nc -u -q0 -p 40002 10.0.0.2 5000
echo x | ip netns exec a nc -u -q0 -p 40003 10.0.0.2 5001
ip netns exec b conntrack -L -p udp --dport 5000
ip netns exec b conntrack -L -p udp --dport 5001
ip netns exec b iptables -L INPUT -v -n
ip netns exec b iptables -t raw -L PREROUTING -v -n
ip netns exec b iptables -t raw -S
