# -E onto an existing name, -X without a name is all or nothing (a referenced chain blocks it), -Z -v announces only the chains that exist (built-in chains are created lazily) while -L -Z -v zeroes every listed chain, -Z of a table without chains
iptables -N a
iptables -N b
iptables -E a b
iptables -A INPUT -j a
iptables -N c
iptables -X
iptables -S
iptables -A c -j ACCEPT
iptables -X
iptables -Z INPUT -v
iptables -Z -v
iptables -L -Z -v -n
iptables -Z nat
