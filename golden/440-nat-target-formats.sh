# how the NAT targets print: MASQUERADE (Docker's pod-subnet rule, --to-ports, --random, --random-fully), SNAT to an address, an address range, with ports, --random/--persistent, DNAT to an address with or without a port and to a port only, REDIRECT with and without --to-ports (service names resolved to numbers on input); -S, -L, -L -n -v, iptables-save; -C/-D compare the target's options
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables -t nat -A POSTROUTING -s 10.244.1.0/24 ! -o cni0 -j MASQUERADE
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1024-65535 --random --random-fully
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to 2000
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE --random
iptables -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.4-1.2.3.10
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:1000-2000 --random --persistent
iptables -t nat -A POSTROUTING -p udp -j SNAT --to-source 1.2.3.4-1.2.3.5:1000
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to 1.2.3.4:0 --random-fully
iptables -t nat -I INPUT -j SNAT --to-source 1.1.1.1
iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.244.1.2:80
iptables -t nat -A PREROUTING -p tcp --dport 8081 -j DNAT --to-destination 10.244.1.2
iptables -t nat -A PREROUTING -p tcp --dport 8084 -j DNAT --to-destination 10.244.1.2:http --persistent --random
iptables -t nat -A OUTPUT -p tcp --dport 8082 -j DNAT --to-destination :80
iptables -t nat -A PREROUTING -p tcp --dport 8083 -j REDIRECT --to-ports 80
iptables -t nat -A PREROUTING -p udp --dport 53 -j REDIRECT --to-ports 5353-5360 --random
iptables -t nat -A OUTPUT -p tcp -j REDIRECT
iptables -t nat -A PREROUTING -p icmp -j REDIRECT --to-ports 7
iptables -t nat -S
iptables -t nat -S POSTROUTING
iptables -t nat -L
iptables -t nat -L -n -v
iptables -t nat -L OUTPUT -n --line-numbers
iptables-save -t nat
iptables -t nat -C POSTROUTING -o eth0 -j MASQUERADE --random
iptables -t nat -C POSTROUTING -o eth0 -j MASQUERADE
iptables -t nat -D POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:1000-2000 --random
iptables -t nat -D POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:1000-2000 --persistent --random
iptables -t nat -D PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.244.1.2:80
iptables -t nat -S
