# iptables-restore: what iptables-nft checks only when it sends the batch at COMMIT: the kernel's
# refusals (index too big, no such rule, chain busy, REJECT tcp-reset without -p tcp) name their
# line; a jump to a missing chain names the COMMIT line and wins over them; --test sees none of
# them (exit 0). nat DROP is refused while parsing. Nothing is applied.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables -A INPUT -s 10.9.9.9 -j DROP
iptables-restore 485-restore-errors-commit-index.rules
iptables-restore 485-restore-errors-commit-delete.rules
iptables-restore 485-restore-errors-commit-busy.rules
iptables-restore 485-restore-errors-commit-reject.rules
iptables-restore 485-restore-errors-commit-jump-first.rules
iptables-restore 485-restore-errors-commit-nat-drop.rules
iptables-restore -t 485-restore-errors-commit-index.rules
iptables-restore -t 485-restore-errors-commit-delete.rules
iptables-restore -t 485-restore-errors-commit-busy.rules
iptables-restore -t 485-restore-errors-commit-reject.rules
iptables-restore -t 485-restore-errors-commit-jump-first.rules
iptables-restore -t 485-restore-errors-commit-nat-drop.rules
iptables-save
