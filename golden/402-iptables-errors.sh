# iptables error messages and exit statuses: parse errors (2), missing chains and rules (1), busy chains (4), unknown table (3), illegal option combinations, bad names, bad numbers
iptables
iptables -Q
iptables -A INPUT --bogus
iptables -A
iptables -A INPUT -j
iptables -L -S
iptables -D INPUT -s 1.2.3.4 -j DROP
iptables -D INPUT 1
iptables -R INPUT 1 -j DROP
iptables -I INPUT 5 -j DROP
iptables -C INPUT -j DROP
iptables -A INPUT -j FOO
iptables -A FOO -j DROP
iptables -A INPUT -g FOO
iptables -N INPUT
iptables -N foo
iptables -N foo
iptables -X bar
iptables -X INPUT
iptables -P foo DROP
iptables -P INPUT FOO
iptables -P INPUT REJECT
iptables -P INPUT
iptables -L bar
iptables -S bar
iptables -A INPUT -p tcp --dport 99999 -j DROP
iptables -A INPUT -p tcp --dport 10:5 -j DROP
iptables -A INPUT -s 1.2.3.300 -j DROP
iptables -A INPUT -s 1.2.3.4/33 -j DROP
iptables -A INPUT -p foo -j DROP
iptables -A INPUT --dport 22 -j ACCEPT
iptables -A INPUT -p icmp --icmp-type foo -j DROP
iptables -A INPUT -j REJECT --reject-with foo
iptables -A INPUT -j REJECT --reject-with tcp-reset
iptables -A INPUT -m nosuch -j DROP
iptables -A INPUT -s 1.2.3.4 -s 5.6.7.8 -j DROP
iptables -A INPUT -j foo -j bar
iptables -A INPUT -o eth0 -j ACCEPT
iptables -A OUTPUT -i eth0 -j ACCEPT
iptables -L -s 1.2.3.4
iptables -A INPUT -n -j ACCEPT
iptables -Z nope
iptables -F nope
iptables -E foo bar
iptables -N a-very-long-chain-name-that-is-too-long
iptables -N -x
iptables -N DROP
iptables -A foo -j DROP
iptables -A INPUT -j foo
iptables -X foo
iptables -F
iptables -X foo
iptables -D INPUT 1
iptables -D INPUT 0
iptables -D INPUT x
iptables -I INPUT 0 -j DROP
iptables -A INPUT -j ACCEPT
iptables -R INPUT 5 -j DROP
iptables -D INPUT 3
iptables -S
