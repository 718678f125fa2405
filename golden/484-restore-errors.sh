# iptables-restore's error forms (iptables 1.8.9 nf_tables); after each failure the table is as
# before: parse errors ("Error occurred at line: N", exit 2), failures the kernel reports at
# commit ("line N failed: ...", exit 1), structure errors, files and options
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables -A INPUT -s 10.9.9.9 -j DROP
iptables -t nat -A OUTPUT -d 10.9.9.9 -j ACCEPT
iptables-restore 484-restore-errors-no-commit.rules
iptables-restore 484-restore-errors-bad-table.rules
iptables-restore 484-restore-errors-nested-table.rules
iptables-restore 484-restore-errors-outside-table.rules
iptables-restore 484-restore-errors-lone-commit.rules
iptables-restore 484-restore-errors-bad-jump.rules
iptables-restore 484-restore-errors-no-chain.rules
iptables-restore 484-restore-errors-bad-policy.rules
iptables-restore 484-restore-errors-table-option.rules
iptables-restore 484-restore-errors-single-quotes.rules
iptables-restore 484-restore-errors-chain-exists.rules
iptables-restore 484-restore-errors-bad-address.rules
iptables-save
iptables-restore 484-no-such-file.rules
iptables-restore 484-restore-errors-no-commit.rules 484-restore-errors-bad-table.rules
iptables-restore --bogus 484-restore-errors-no-commit.rules
iptables-restore -q 484-restore-errors-no-commit.rules
iptables-restore -T
iptables-restore --version
iptables-restore -w 480-restore-basic-2.rules
iptables-restore -w 3 -W 1000 480-restore-basic-2.rules
iptables-restore
iptables -A INPUT foo
iptables -S
