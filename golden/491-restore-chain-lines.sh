# iptables-restore chain and table lines: a name missing, a policy missing (also for a user chain),
# chain names iptables refuses, a bare "*", an unclosed counter bracket, an unclosed quote (it runs
# to the end of the line, newline included); a built-in name of another table and a policy on a
# user chain declare user chains; "-" keeps a built-in chain's policy
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables-restore 491-restore-chain-lines-no-name.rules
iptables-restore 491-restore-chain-lines-no-policy.rules
iptables-restore 491-restore-chain-lines-long-name.rules
iptables-restore 491-restore-chain-lines-dash.rules
iptables-restore 491-restore-chain-lines-user-no-policy.rules
iptables-restore 491-restore-chain-lines-no-table.rules
iptables-restore 491-restore-chain-lines-counter-bracket.rules
iptables-restore -c 491-restore-chain-lines-counter-bracket.rules
iptables-restore 491-restore-chain-lines-target-name.rules
iptables-save
iptables-restore 491-restore-chain-lines-ok.rules
iptables-save -c
iptables -L -n -v
iptables-restore 491-restore-chain-lines-open-quote.rules
iptables -S INPUT
