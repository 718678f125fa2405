# the first extensions under libxtables' rules: udp ports taken modulo 65536 and reversed ranges kept, names that do not resolve; icmp types/codes in any base with code ranges and 'unknown character'; comment mandatory, once, not invertible, cut to 255 characters; native tcp/udp port matches need -p tcp/udp on -A
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
iptables -A INPUT -p udp -m udp --sport 4:3
iptables -A INPUT -p udp --dport 70000
iptables -A INPUT -p udp --dport 3:
iptables -A INPUT -p udp --dport 99999999999
iptables -A INPUT -p udp --dport 010
iptables -A INPUT -p udp --source-port domain:bootpc
iptables -A INPUT -p udp --dport foo
iptables -A INPUT -p udp --dport 0x10
iptables -A INPUT -p udp --dport 3:2:1
iptables -A INPUT -p udp --dport 1 --destination-port 2
iptables -A INPUT -p icmp --icmp-type 3/1:3
iptables -A INPUT -p icmp --icmp-type 255/0:255
iptables -A INPUT -p icmp --icmp-type 0x8
iptables -A INPUT -p icmp --icmp-type 3/4:2
iptables -A INPUT -p icmp --icmp-type 08
iptables -A INPUT -p icmp --icmp-type 3/1:2:3
iptables -A INPUT -p icmp --icmp-type 3/x
iptables -A INPUT -p icmp --icmp-type 300
iptables -A INPUT -m icmp
iptables -A INPUT -p icmp --icmp-type 8 --icmp-type 0
iptables -A INPUT -m comment
iptables -A INPUT -m comment ! --comment x
iptables -A INPUT -m comment --comment x --comment y
iptables -A INPUT -m comment --comment aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
iptables -A INPUT -m tcp --dport 1
iptables -A INPUT -m udp --sport 1 -p tcp
iptables -A INPUT -m tcp --dport 1 -p 6
iptables -A INPUT -m tcp
iptables -C INPUT -m tcp --dport 1
iptables -S INPUT
iptables -L INPUT -n
iptables -L INPUT
iptables -A INPUT -m icmp --icmp-type 8
iptables -A INPUT ! -p icmp -m icmp --icmp-type 8
iptables -A INPUT ! -p tcp -m tcp --dport 7
iptables -A INPUT -p tcp -m udp
iptables -S INPUT
