# iptables-restore FILE (a file shipped beside the scenario, resolved against the scenario's
# directory): policies, a user chain, negations, comments; the rules act on traffic; a second
# restore of the table replaces all of it (user chain gone, policies back to ACCEPT unless set)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 1 -W 1 127.0.0.1
iptables-restore 480-restore-basic.rules
iptables-save
iptables -S
iptables -L -n -v
ping -q -c 1 -W 1 127.0.0.1
iptables-restore 480-restore-basic-2.rules
iptables-save
iptables -L -n
ping -q -c 1 -W 1 127.0.0.1
iptables-restore ./480-restore-basic.rules
iptables -S OUTPUT
