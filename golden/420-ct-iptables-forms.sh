# conntrack-family rules in iptables 1.8.9: -m conntrack (every option, inverted), -m state, -m connmark, CONNMARK in all its forms, CT --notrack / --zone and NOTRACK in raw; -S, -L -n -v, -L
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -m conntrack ! --ctstate NEW,INVALID,UNTRACKED,SNAT,DNAT
iptables -A INPUT -m conntrack --ctproto tcp --ctorigsrc 10.0.0.1 --ctorigdst 10.0.0.0/24 --ctreplsrc 1.2.3.4 ! --ctrepldst 5.6.7.8/32
iptables -A INPUT -m conntrack --ctorigsrcport 1000 --ctorigdstport 2000:3000 --ctreplsrcport 5 --ctrepldstport 6
iptables -A INPUT -m conntrack --ctstatus ASSURED,SEEN_REPLY --ctdir ORIGINAL
iptables -A INPUT -m conntrack ! --ctstatus NONE --ctdir REPLY --ctexpire 10:20
iptables -A INPUT -m state --state ESTABLISHED,RELATED
iptables -A INPUT -m state ! --state INVALID
iptables -A INPUT -m connmark --mark 0x1
iptables -A INPUT -m connmark ! --mark 0x1/0xff
iptables -t mangle -A PREROUTING -j CONNMARK --restore-mark
iptables -t mangle -A PREROUTING -j CONNMARK --save-mark
iptables -t mangle -A PREROUTING -j CONNMARK --set-mark 5
iptables -t mangle -A PREROUTING -j CONNMARK --set-mark 5/0xff
iptables -t mangle -A PREROUTING -j CONNMARK --set-xmark 5/0xff
iptables -t mangle -A PREROUTING -j CONNMARK --save-mark --nfmask 0xff --ctmask 0xf
iptables -t mangle -A PREROUTING -j CONNMARK --restore-mark --mask 0xff
iptables -t mangle -A PREROUTING -j CONNMARK --and-mark 0xf
iptables -t mangle -A PREROUTING -j CONNMARK --or-mark 0xf
iptables -t mangle -A PREROUTING -j CONNMARK --xor-mark 0xf
iptables -t raw -A PREROUTING -j CT --notrack
iptables -t raw -A PREROUTING -j NOTRACK
iptables -t raw -A OUTPUT -p tcp -j CT --zone 1
iptables -S
iptables -t mangle -S
iptables -t raw -S
iptables -L -n -v
iptables -L
iptables -t mangle -L -n
iptables -t raw -L -n
