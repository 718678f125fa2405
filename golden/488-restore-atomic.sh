# atomicity of iptables-restore (nf_tables): each COMMIT commits its table as one transaction;
# a table that fails (parse error, kernel refusal, missing COMMIT) changes nothing of that table,
# while the tables committed before it in the same file stay committed; traffic sees old or new
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link set lo up
iptables -A INPUT -s 10.9.9.9 -j DROP
iptables -t nat -A PREROUTING -d 10.9.9.9 -j ACCEPT
iptables -N OLDCHAIN
iptables -A OLDCHAIN -j RETURN
iptables-restore 488-restore-atomic-parse.rules
iptables-save
ping -q -c 1 -W 1 127.0.0.1
iptables -P INPUT ACCEPT
iptables-restore 488-restore-atomic-kernel.rules
iptables-save
iptables-restore 488-restore-atomic-no-commit.rules
iptables-save -t raw
iptables-save -t nat
