# iptables-restore --noflush / -n: the table keeps its rules, new ones are added; a chain line
# of an existing user chain flushes that chain; -A/-I/-N/-P lines are plain iptables commands
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables -N MYCHAIN
iptables -A MYCHAIN -j ACCEPT
iptables -A INPUT -j MYCHAIN
iptables -A OUTPUT -o lo -j ACCEPT
iptables -P FORWARD DROP
iptables-restore --noflush 481-restore-noflush.rules
iptables-save
iptables -L -n --line-numbers
iptables-restore -n 481-restore-noflush.rules
iptables -S
iptables -t nat -S
iptables-restore -n 480-restore-basic-2.rules
iptables -S INPUT
