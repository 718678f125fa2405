# iptables-restore -v flushes chain by chain and keeps the built-in policies, but the first command
# that names a built-in chain (-A/-I, or ":CHAIN -") adds it again with policy ACCEPT; -P sets
# it for good; without -v the table is deleted (all ACCEPT); --noflush keeps them
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables -P INPUT DROP
iptables -P FORWARD DROP
iptables -P OUTPUT DROP
iptables-restore -v 492-restore-verbose-policies-append.rules
iptables -S
iptables -P FORWARD DROP
iptables-restore -v 492-restore-verbose-policies-dash.rules
iptables -S
iptables -P INPUT DROP
iptables-restore -v 492-restore-verbose-policies-set.rules
iptables -S
iptables-restore -n 492-restore-verbose-policies-append.rules
iptables -S
iptables-restore 492-restore-verbose-policies-dash.rules
iptables -S
