# a netfilter drop on the way out fails a UDP write with EPERM (fuzz seed 2): nc -z -u then reports nothing and exits 1, like a port unreachable; a drop on the way in does not fail the write
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
iptables -A OUTPUT -p udp -j DROP
nc -z -v -w 1 -u 127.0.0.1 5000
iptables -F
iptables -A INPUT -p udp -j DROP
nc -z -v -w 1 -u 127.0.0.1 5000
iptables -F
iptables -A OUTPUT -p udp -j REJECT
nc -z -v -w 1 -u 127.0.0.1 5000
iptables -F
nc -z -v -w 1 -u 127.0.0.1 5000
nc -z -v -w 1 127.0.0.1 5000
iptables -L -n -v -x
