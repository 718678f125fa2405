# an empty table block: without options it deletes the table (iptables-save no longer shows it);
# with --noflush it changes nothing; with -v it flushes chain by chain and the table stays, even
# when it only held a user chain
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables -N ONLY
iptables-save
iptables-restore -n 493-restore-empty-table.rules
iptables-save
iptables-restore -v 493-restore-empty-table.rules
iptables-save
iptables -S
iptables-restore 493-restore-empty-table.rules
iptables-save
iptables -P INPUT DROP
iptables-restore -n 493-restore-empty-table.rules
iptables-save
iptables-restore 493-restore-empty-table.rules
iptables-save
iptables -L INPUT
