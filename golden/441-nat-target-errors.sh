# NAT target errors: outside the nat table or their chains the kernel refuses the rule (RULE_APPEND failed, exit 4); a missing --to-source/--to-destination, ports without -p tcp/udp (icmp is accepted), bad addresses and ports, port:port, a reversed port range, repeated or inverted options, an option of another target (exit 2); nothing was added
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables -A FORWARD -j MASQUERADE
iptables -t nat -A PREROUTING -j MASQUERADE
iptables -t nat -A OUTPUT -j SNAT --to-source 1.2.3.4
iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4
iptables -t nat -A PREROUTING -j SNAT --to-source 1.2.3.4
iptables -t nat -A INPUT -j REDIRECT
iptables -t filter -A INPUT -j DNAT --to 1.2.3.4
iptables -t mangle -A PREROUTING -j SNAT --to 1.2.3.4
iptables -t nat -A POSTROUTING -j SNAT
iptables -t nat -A PREROUTING -j DNAT
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.4:80
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3.4:80
iptables -t nat -A PREROUTING -j REDIRECT --to-ports 80
iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports 80
iptables -t nat -A POSTROUTING -j SNAT --to-source foo
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.4/24
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.4-
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80:90
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination localhost
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:2000-1000
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:70000
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:abc
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:-80
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination :
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.4 --to-source 1.2.3.5
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 80:90
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 80-
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 2000-1000
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE ! --to-ports 80
iptables -t nat -A POSTROUTING -j MASQUERADE --persistent
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4 --random-fully
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4 bogus
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.4 -j MASQUERADE
iptables -t nat -A POSTROUTING -p icmp -j SNAT --to-source 1.2.3.4:7
iptables -t nat -S
iptables -S
