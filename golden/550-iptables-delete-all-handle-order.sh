# iptables -X without a chain (fuzz seed 12219): iptables-nft deletes every user chain in one batch in creation (handle) order, so the error names the oldest chain that still has rules or is jumped to, not the first by name; -E keeps a chain's place
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
iptables -N pods
iptables -N Mid
iptables -I pods -j Mid
iptables -X
iptables -S
iptables -F pods
iptables -X
iptables -S
iptables -N a
iptables -N b
iptables -N c
iptables -A c -j b
iptables -X
iptables -E a z
iptables -A z -j ACCEPT
iptables -X
iptables -F
iptables -X
iptables -S
