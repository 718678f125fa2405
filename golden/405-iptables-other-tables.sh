# rules in the raw, mangle and nat tables: listings and -S per table, iptables-save of all four in its fixed order; DROP refused in nat, REJECT refused outside INPUT/FORWARD/OUTPUT
iptables -t nat -A PREROUTING -j DROP
iptables -t nat -A POSTROUTING -j REJECT
iptables -t raw -A PREROUTING -j REJECT
iptables -t mangle -A PREROUTING -j REJECT
iptables -t nat -A POSTROUTING -s 10.244.0.0/16 ! -o br0 -j ACCEPT
iptables -t nat -N DOCKER
iptables -t nat -A PREROUTING -j DOCKER
iptables -t nat -A DOCKER -i br0 -j RETURN
iptables -t raw -A PREROUTING -p udp --dport 53 -j ACCEPT
iptables -t mangle -A FORWARD -j LOG --log-prefix "fwd "
iptables -t mangle -A INPUT -j REJECT --reject-with icmp-host-unreachable
iptables -A FORWARD -j ACCEPT
iptables -t nat -L -n -v
iptables -t nat -S
iptables -t raw -L
iptables -t mangle -S
iptables-save
iptables -t nat -F
iptables -t nat -X
iptables-save -t nat
