# iptables-restore into raw, mangle and nat (every table of the file, each flushed first; tables
# the file does not name are kept), -T TABLE restoring one table of a file, and listings of each
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables -A INPUT -s 10.9.9.9 -j DROP
iptables -t nat -A POSTROUTING -o eth9 -j ACCEPT
iptables-restore 487-restore-tables.rules
iptables-save
iptables -t mangle -L -n -v
iptables -t raw -S
iptables -t nat -L SVC -n --line-numbers
iptables -t nat -F
iptables -t mangle -P FORWARD ACCEPT
iptables -t mangle -F
iptables -t mangle -X
iptables -t raw -F
iptables-restore -T nat 487-restore-tables.rules
iptables-save
iptables-restore --table=mangle 487-restore-tables.rules
iptables-restore -T security 487-restore-tables.rules
iptables-save -t mangle
iptables-save -t raw
