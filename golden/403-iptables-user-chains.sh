# user chains: -N, jumps and gotos count as references, listing order (strcmp), -E renames (rules that jump follow), -X of a referenced or non-empty chain fails, -X without a name deletes the unreferenced empty ones
iptables -N zeta
iptables -N alpha
iptables -N Mid
iptables -N 123
iptables -A INPUT -j alpha
iptables -A FORWARD -g alpha
iptables -A alpha -j zeta
iptables -A zeta -s 10.0.0.0/8 -j RETURN
iptables -L -n
iptables -S
iptables -E zeta beta
iptables -S
iptables -L alpha -n --line-numbers
iptables -X beta
iptables -X alpha
iptables -F alpha
iptables -X alpha
iptables -D INPUT 1
iptables -D FORWARD 1
iptables -X
iptables -S
iptables -X beta
iptables -F beta
iptables -X beta
iptables -S
iptables -I INPUT -j ACCEPT
iptables -I INPUT 1 -s 1.1.1.1 -j DROP
iptables -I INPUT 3 -s 3.3.3.3 -j DROP
iptables -I INPUT 2 -s 2.2.2.2 -j DROP
iptables -R INPUT 4 -s 4.4.4.4 -j DROP
iptables -S INPUT
iptables -D INPUT -s 2.2.2.2 -j DROP
iptables -D INPUT -s 2.2.2.2 -j DROP
iptables -L INPUT -n --line-numbers
iptables -P INPUT DROP
iptables -P FORWARD DROP
iptables -P FORWARD ACCEPT
iptables -S
iptables-save
