# iptables-save options after a restore: -c / --counters, -t / --table (also of a table that does
# not exist yet: its built-in chains), an unknown table, stray arguments
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables-save
iptables-save -t nat
iptables-restore -c 483-restore-counters.rules
iptables-save --counters
iptables-save -c -t filter
iptables-save --table=filter
iptables-save --table filter -c
iptables-save -tfilter
iptables-save -t raw
iptables-save -t bogus
iptables-save -t
iptables-save extra
iptables-save --bogus
iptables-save -x
