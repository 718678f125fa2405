# iptables-restore with extension rules: their save forms, the iprange warning on stderr as the line is parsed, an extension's own error stopping the restore at its line
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
echo -e "*filter\n-A INPUT -m iprange --src-range 1.1.1.5-1.1.1.1\n-A INPUT -m mark --mark 3 -j MARK --set-mark 4\n-A INPUT -p tcp -m multiport --dports 1:2,5 -m limit --limit 2/min -j LOG --log-prefix x\nCOMMIT" | iptables-restore
iptables -S
echo -e "*filter\n-A INPUT -m iprange --src-range 1.1.1.5-1.1.1.1\n-A INPUT -m mac\nCOMMIT" | iptables-restore
iptables -S
