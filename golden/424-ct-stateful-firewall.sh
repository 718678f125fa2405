# a stateful firewall: b accepts ESTABLISHED,RELATED and drops NEW from outside; b's own pings and UDP get their answers, a's pings to b are dropped; an ICMP port unreachable from a to b's UDP probe is RELATED (counted by its rule), REJECT answers seen from the other side as RELATED too; rule counters show which state matched
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
ip netns exec b iptables -A INPUT -i lo -j ACCEPT
ip netns exec b iptables -A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT
ip netns exec b iptables -A INPUT -m conntrack --ctstate RELATED -j ACCEPT
ip netns exec b iptables -A INPUT -m conntrack --ctstate NEW -j DROP
ip netns exec b iptables -A INPUT -m conntrack --ctstate INVALID -j DROP
ip netns exec b ping -c2 -i 0.2 -W1 10.0.0.1
ip netns exec a ping -c1 -W1 10.0.0.2
ip netns exec b iptables -L INPUT -v -n
echo probe | ip netns exec b nc -u -q0 -p 40001 10.0.0.1 7
ip netns exec b iptables -L INPUT -v -n
ip netns exec b conntrack -L -p udp
ip netns exec a iptables -A INPUT -p tcp --dport 22 -j REJECT
ip netns exec a iptables -A INPUT -p udp --dport 53 -j REJECT
ip netns exec b nc -z -n -w1 -p 40002 10.0.0.1 22
echo q | ip netns exec b nc -u -q0 -p 40003 10.0.0.1 53
ip netns exec b iptables -L INPUT -v -n
ip netns exec b iptables -Z
ip netns exec b iptables -I INPUT 2 -m state --state INVALID,UNTRACKED -j DROP
ip netns exec b iptables -I INPUT 3 -m conntrack --ctstate ESTABLISHED --ctdir ORIGINAL
ip netns exec b iptables -I INPUT 4 -m conntrack --ctstate ESTABLISHED --ctdir REPLY --ctstatus SEEN_REPLY --ctproto icmp
ip netns exec b ping -c3 -i 0.2 -W1 10.0.0.1
ip netns exec b iptables -L INPUT -v -n
