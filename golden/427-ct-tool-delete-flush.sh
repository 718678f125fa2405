# conntrack -D with filters (the deleted entries are printed, exit 1 when none), -G of one tuple, -C, -F (the table emptied), all from the summary line first on stderr as a pipe shows it
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
ip netns exec b iptables -A INPUT -m conntrack --ctstate INVALID -j DROP
echo x | ip netns exec a nc -u -q0 -p 40001 10.0.0.2 7001
ip netns exec b conntrack -G -p udp -s 10.0.0.1 -d 10.0.0.2 --sport 40001 --dport 7001
ip netns exec b conntrack -G -p udp -s 10.0.0.1 -d 10.0.0.2 --sport 40001 --dport 7002
echo x | ip netns exec a nc -u -q0 -p 40002 10.0.0.2 7002
ip netns exec b conntrack -D -p udp --dport 7002
echo x | ip netns exec a nc -u -q0 -p 40003 10.0.0.2 7003
ip netns exec b conntrack -D -p udp --sport 40003 -s 10.0.0.1
ip netns exec b conntrack -D -p udp --dport 7002
ip netns exec b conntrack -D -s 10.0.0.9
ip netns exec b conntrack -C
echo x | ip netns exec a nc -u -q0 -p 40004 10.0.0.2 7004
echo x | ip netns exec a nc -u -q0 -p 40005 10.0.0.2 7005
ip netns exec b conntrack -C
ip netns exec b conntrack -F
ip netns exec b conntrack -C
ip netns exec b conntrack -L
ip netns exec b conntrack -F
ip netns exec b conntrack -D
echo x | ip netns exec a nc -u -q0 -p 40001 10.0.0.2 7001
ip netns exec b conntrack -D -p udp -u ASSURED
ip netns exec b conntrack -D -p udp --mark 0
ip netns exec b conntrack -V
