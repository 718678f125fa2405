# iptables-restore --counters / -c: "[packets:bytes]" before a rule and on a built-in chain's line
# set the counters (a user chain's are ignored); without -c they are read and ignored; bad
# counters are an error with -c only. iptables-save -c prints them; traffic counts on from there.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link set lo up
iptables-restore 483-restore-counters.rules
iptables-save -c
iptables-restore --counters 483-restore-counters.rules
iptables-save -c
iptables -L -v -x -n
ping -q -c 2 -i 0.2 127.0.0.1
iptables-save -c -t filter
iptables -S -v
iptables-restore -c 483-restore-counters-bad-rule.rules
iptables-restore -c 483-restore-counters-bad-policy.rules
iptables-restore 483-restore-counters-bad-rule.rules
iptables-restore 483-restore-counters-bad-policy.rules
iptables-save -c
