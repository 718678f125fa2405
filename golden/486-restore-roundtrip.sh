# save -> file -> restore round trip: a rule set made with iptables commands (policies, user
# chains, negations, ranges, flags, comments with quotes, goto, LOG, REJECT, four tables) is
# saved; 486-restore-roundtrip.rules is that iptables-save output as recorded on the kernel;
# restoring it over the same rules and over an emptied world gives the identical save again
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables -P INPUT DROP
iptables -P FORWARD DROP
iptables -N WEB
iptables -N LOGGING
iptables -A INPUT -i lo -j ACCEPT
iptables -A INPUT -s 10.0.0.0/8 ! -d 10.1.2.3 -p tcp --dport 80:88 -j WEB
iptables -A INPUT ! -s 192.168.0.0/255.255.0.0 -p udp ! --sport 53 -j LOGGING
iptables -A INPUT -p icmp --icmp-type echo-request -m comment --comment "ping \"me\" please" -j ACCEPT
iptables -A INPUT -p tcp --tcp-flags SYN,ACK SYN -j ACCEPT
iptables -A FORWARD ! -i eth+ -o veth0 -j ACCEPT
iptables -A FORWARD ! -p tcp -j REJECT --reject-with icmp-host-prohibited
iptables -A WEB -p tcp --sport 1024:65535 -j RETURN
iptables -A WEB -g LOGGING
iptables -A LOGGING -j LOG --log-prefix "lost: " --log-level 6
iptables -A LOGGING -j DROP
iptables -t nat -A PREROUTING -d 198.51.100.1 -j ACCEPT
iptables -t nat -N NATCHAIN
iptables -t nat -A POSTROUTING -o eth0 -j NATCHAIN
iptables -t mangle -A FORWARD -d 10.2.0.0/16 -j RETURN
iptables -t raw -A PREROUTING -s 10.3.0.0/16 -j ACCEPT
iptables-save
iptables-restore 486-restore-roundtrip.rules
iptables-save
iptables -F
iptables -X
iptables -P INPUT ACCEPT
iptables -P FORWARD ACCEPT
iptables -t nat -F
iptables -t nat -X
iptables -t mangle -F
iptables -t raw -F
iptables-save
iptables-restore 486-restore-roundtrip.rules
iptables-save
iptables -S
iptables -t nat -L -n -v
