# iptables-nft creates built-in chains lazily and deletes them (fuzz seeds 1, 4, 8, 31, 35, 39): -F CHAIN creates the table and that chain; -Z and -X name only chains that exist; -X of a built-in chain deletes it when it is empty with policy ACCEPT ('Directory not empty.' with another policy, CHAIN_DEL busy with rules); -X without a name deletes those too
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
iptables -P FORWARD DROP
iptables -P OUTPUT ACCEPT
iptables -X
iptables -X FORWARD
iptables -X OUTPUT
iptables -A INPUT -j ACCEPT
iptables -X
iptables -X INPUT
iptables -P INPUT DROP
iptables -X INPUT
iptables -L -n -v -x
iptables -P INPUT ACCEPT
iptables -F INPUT
iptables -X INPUT
iptables -L -n -v -x
ping -c 1 -W 1 -q 127.0.0.1
iptables -L -n -v -x
iptables -Z OUTPUT
iptables -Z INPUT
iptables -F OUTPUT
iptables -Z OUTPUT
iptables -L OUTPUT -n -v -x
iptables-save
ip netns add c
ip netns exec c iptables -F INPUT
ip netns exec c iptables -Z INPUT
ip netns exec c iptables -Z OUTPUT
ip netns exec c iptables -Z
ip netns exec c iptables -L -n -v -x
