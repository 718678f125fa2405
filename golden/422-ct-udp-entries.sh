# when conntrack tracks in a namespace (iptables-nft: only while a rule needs it; a nat table or a nat rule without a NAT target does not; deleting the last such rule stops tracking while old entries stay) and the UDP entries it makes: conntrack -L filters, -o extended, -C, the count sysctl, expiry with a shortened udp timeout (each listing right after its packet: timeouts count down in real seconds)
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
ip netns exec a ping -c1 -W1 10.0.0.2
ip netns exec b conntrack -L
ip netns exec b iptables -t nat -A POSTROUTING -j ACCEPT
ip netns exec b iptables -A INPUT -j ACCEPT
ip netns exec a ping -c1 -W1 10.0.0.2
ip netns exec b conntrack -C
ip netns exec b iptables -A INPUT -m conntrack --ctstate INVALID -j DROP
ip netns exec a ping -c1 -W1 10.0.0.2
ip netns exec b conntrack -C
echo hi | ip netns exec a nc -u -q0 -p 40001 10.0.0.2 5353
ip netns exec b conntrack -L -p udp
echo hi | ip netns exec a nc -u -q0 -p 40002 10.0.0.2 5354
ip netns exec b conntrack -L -p udp --dport 5354 -o extended
echo hi | ip netns exec a nc -u -q0 -p 40003 10.0.0.2 5355
ip netns exec b conntrack -L -s 10.0.0.1 -d 10.0.0.2 -p udp --sport 40003
echo hi | ip netns exec a nc -u -q0 -p 40004 10.0.0.2 5356
ip netns exec b conntrack -L -r 10.0.0.2 -q 10.0.0.1 -p udp --reply-port-src 5356 --reply-port-dst 40004
echo hi | ip netns exec a nc -u -q0 -p 40005 10.0.0.2 5357
ip netns exec b conntrack -L -p udp --dport 5357 --mark 0
ip netns exec b conntrack -L -p udp --sport 5353
ip netns exec b conntrack -L -p udp -u SEEN_REPLY
ip netns exec b conntrack -L -p udp -u ASSURED
ip netns exec b conntrack -L -p udp --mark 1
ip netns exec b conntrack -L -p tcp
ip netns exec b conntrack -L -s 10.0.0.9
ip netns exec b conntrack -C
ip netns exec b sysctl net.netfilter.nf_conntrack_count
ip netns exec a conntrack -C
ip netns exec b iptables -D INPUT -m conntrack --ctstate INVALID -j DROP
echo hi | ip netns exec a nc -u -q0 -p 40006 10.0.0.2 5358
ip netns exec b conntrack -L -p udp --dport 5358
ip netns exec b conntrack -C
ip netns exec b iptables -I INPUT -m state --state NEW
ip netns exec b sysctl -w net.netfilter.nf_conntrack_udp_timeout=10
echo hi | ip netns exec a nc -u -q0 -p 40007 10.0.0.2 5359
ip netns exec b conntrack -L -p udp --dport 5359
ip netns exec b conntrack -C
sleep 11
ip netns exec b conntrack -L -p udp --dport 5359
ip netns exec b conntrack -C
