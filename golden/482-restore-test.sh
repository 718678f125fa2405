# iptables-restore --test / -t: parses and builds, commits nothing. A parse error is reported
# (exit 2) as without --test; what only the kernel refuses at commit (a rule for a chain that
# does not exist, a bad policy name) goes unnoticed (exit 0). The state never changes.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables -A INPUT -s 10.9.9.9 -j DROP
iptables-restore --test 480-restore-basic.rules
iptables-restore -t 482-restore-test-bad-parse.rules
iptables-restore --test 482-restore-test-bad-kernel.rules
iptables-restore 482-restore-test-bad-kernel.rules
iptables-restore -t -v 480-restore-basic.rules
iptables-save
iptables -S
