# CONNMARK and -m connmark: --set-mark writes the entry's mark, --restore-mark copies it to the packet, --save-mark (with a mask) copies the packet's mark back; conntrack -L shows mark=, --mark filters (with mask); -m connmark with masks and "!"; the mark of later packets of the same flow
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
ip netns exec b iptables -t mangle -A PREROUTING -p udp --dport 6000 -m connmark --mark 0 -j CONNMARK --set-mark 7
ip netns exec b iptables -t mangle -A PREROUTING -j CONNMARK --restore-mark
ip netns exec b iptables -t mangle -A PREROUTING -p udp --dport 6000 -j CONNMARK --set-mark 0
ip netns exec b iptables -t mangle -A PREROUTING -p udp --dport 6000 -j CONNMARK --save-mark --mask 0x3
ip netns exec b iptables -t mangle -A INPUT -m connmark --mark 3
ip netns exec b iptables -t mangle -A INPUT -m connmark --mark 0x10/0xf0
ip netns exec b iptables -t mangle -A INPUT -m connmark ! --mark 0
ip netns exec b iptables -t mangle -A INPUT -p udp --dport 6001 -j CONNMARK --set-mark 0x12
ip netns exec b iptables -t mangle -A INPUT -p udp --dport 6002 -j CONNMARK --or-mark 0x100
ip netns exec b iptables -t mangle -A INPUT -p udp --dport 6002 -j CONNMARK --xor-mark 0x101
echo x | ip netns exec a nc -u -q0 -p 40001 10.0.0.2 6000
ip netns exec b conntrack -L -p udp --dport 6000
echo x | ip netns exec a nc -u -q0 -p 40002 10.0.0.2 6001
ip netns exec b conntrack -L -p udp --mark 0x12
echo x | ip netns exec a nc -u -q0 -p 40003 10.0.0.2 6002
ip netns exec b conntrack -L -p udp --dport 6002 --mark 1
echo x | ip netns exec a nc -u -q0 -p 40004 10.0.0.2 6003
ip netns exec b conntrack -L -p udp --dport 6003 --mark 0
ip netns exec b conntrack -L --mark 5
ip netns exec b conntrack -L --mark 0x200/0xf00
echo y | ip netns exec a nc -u -q0 -p 40001 10.0.0.2 6000
echo y | ip netns exec a nc -u -q0 -p 40002 10.0.0.2 6001
ip netns exec b iptables -t mangle -L -v -n
