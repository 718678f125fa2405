# iptables-restore -v: echoes comment lines; flushing a table that exists goes chain by chain
# ("Flushing chain", "Deleting chain" for user chains; policies are kept); each rule loaded is
# printed as iptables -v prints it (not with --noflush); with --test only the comments
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
iptables-restore -v 489-restore-verbose.rules
iptables -P FORWARD DROP
iptables -N OTHER
iptables-restore --verbose 489-restore-verbose.rules
iptables-save
iptables-restore -v -n 489-restore-verbose.rules
iptables-restore -v -t 489-restore-verbose.rules
iptables-restore -v 489-restore-verbose-kernel.rules
iptables-restore -v 480-restore-basic-2.rules
iptables -S
iptables -v -A INPUT -s 1.2.3.4 -p tcp --dport 3 -j ACCEPT
iptables -v -C INPUT -s 1.2.3.4 -p tcp --dport 3 -j ACCEPT
iptables -v -I INPUT -s 1.1.1.1
iptables -v -R INPUT 1 ! -d 1.1.1.2 -j DROP
iptables -v -D INPUT ! -d 1.1.1.2 -j DROP
iptables -v -D INPUT 1
iptables -v -C INPUT -j DROP
