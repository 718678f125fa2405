# errors of the conntrack-family extensions: bad states/status/direction/protocol/address, missing options, conflicts, CT and NOTRACK outside raw, accepted oddities (lower-case state, port 70000)
iptables -A INPUT -m conntrack --ctstate FOO
iptables -A INPUT -m conntrack
iptables -A INPUT -m conntrack --ctstate
iptables -A INPUT -m state
iptables -A INPUT -m state --state FOO
iptables -A INPUT -m connmark
iptables -A INPUT -m connmark --mark abc
iptables -A INPUT -j CONNMARK
iptables -A INPUT -j CONNMARK --set-mark 1 --save-mark
iptables -A INPUT -j CT --notrack
iptables -t raw -A PREROUTING -j CT
iptables -t raw -A PREROUTING -j CT --zone 1
iptables -A INPUT -m conntrack --ctdir FOO
iptables -A INPUT -m conntrack --ctstatus FOO
iptables -A INPUT -m conntrack --ctproto foo
iptables -A INPUT -m conntrack --ctorigsrc 1.2.3.300
iptables -A INPUT -m conntrack --ctstate NEW --ctstate NEW
iptables -A INPUT -m conntrack --ctstate new
iptables -A INPUT -m conntrack --ctorigsrcport 70000
iptables -A INPUT -j NOTRACK
iptables -t raw -A PREROUTING -j NOTRACK --foo
iptables -A INPUT -m conntrack --ctstate NEW -m state --state NEW
iptables -A INPUT -m conntrack --ctstate ESTABLISHED -m conntrack --ctstate RELATED
iptables -S INPUT
iptables -A INPUT -j CONNMARK --set-mark 0x10
iptables -S INPUT 5
iptables -A FORWARD -m state --state SNAT,DNAT -j DROP
iptables -A FORWARD -m state --state NEW,FOO
iptables -A FORWARD -m state --state ,NEW
iptables -A FORWARD -m state --state NEW,
iptables -A FORWARD -m conntrack --ctstate NEW,FOO
iptables -A FORWARD -m conntrack --ctstate NEW,
iptables -A FORWARD -m conntrack --ctstatus ASSURED,FOO
iptables -A FORWARD -m state --state new,Related
iptables -S FORWARD
