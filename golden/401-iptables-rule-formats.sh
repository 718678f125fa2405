# how rules print: -L (names, services, anywhere), -L -n, -v, -x, --line-numbers, -S and iptables-save for addresses, masks, interfaces, negations, protocols, tcp/udp ports, icmp types, comments, REJECT and LOG
iptables -A FORWARD -p tcp ! --sport 22 --dport 80:90 -j ACCEPT
iptables -A FORWARD -p udp --sport 53 ! --dport 1:1023 -j DROP
iptables -A FORWARD -p tcp --dport :100 -j DROP
iptables -A FORWARD -p udp --dport 1000: -j ACCEPT
iptables -A FORWARD -p tcp --sport ssh -j ACCEPT
iptables -A FORWARD -s 127.0.0.1 -d 10.0.0.1/32 -j DROP
iptables -A FORWARD -s 10.1.2.3/255.0.255.0 ! -o veth+ -j ACCEPT
iptables -A FORWARD ! -s 192.168.0.0/16 -d 10.0.0.0/8 -i eth0 -o eth1 -j ACCEPT
iptables -A FORWARD ! -i lo ! -p icmp ! -d 1.2.3.4/31 -j DROP
iptables -A FORWARD -p icmp --icmp-type 3 -j REJECT --reject-with icmp-host-prohibited
iptables -A FORWARD -p icmp --icmp-type 0/0 -j REJECT --reject-with icmp-net-unreachable
iptables -A FORWARD -p icmp --icmp-type echo-request -j ACCEPT
iptables -A FORWARD -p icmp ! --icmp-type 3/1 -j DROP
iptables -A FORWARD -p icmp --icmp-type any -j ACCEPT
iptables -A FORWARD -p udp -m comment --comment x -m udp --dport 5 -j RETURN
iptables -A FORWARD -m comment --comment "a b" -m comment --comment c
iptables -A FORWARD -p 47
iptables -A FORWARD -p sctp
iptables -A FORWARD -p 6 -j ACCEPT
iptables -A FORWARD -p all -j ACCEPT
iptables -A FORWARD -j REJECT
iptables -A FORWARD -p tcp -j REJECT --reject-with tcp-reset
iptables -A FORWARD -j REJECT --reject-with icmp-admin-prohibited
iptables -A FORWARD -j LOG
iptables -A FORWARD -j LOG --log-level 7 --log-prefix "a b "
iptables -A FORWARD -p tcp -j LOG --log-level debug
iptables -A FORWARD -j LOG --log-prefix x: --log-level 4
iptables -L FORWARD
iptables -L FORWARD -n
iptables -L FORWARD -n -v
iptables -L FORWARD -v -x --line-numbers
iptables -S FORWARD
iptables -S FORWARD 7
iptables -L FORWARD 7
iptables-save
