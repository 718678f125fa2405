# -m limit (iptables-nft: a native packet limit, a token bucket in time): 5 pings 0.2 s apart against 2/sec burst 2 match 3 times; burst 1 at 1/sec matches 1 of 3 sent 0.3 s apart; forms (rates shown in the largest whole unit) and errors
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
iptables -A OUTPUT -p icmp --icmp-type echo-request -m limit --limit 2/sec --limit-burst 2
ping -q -c 5 -i 0.2 127.0.0.1
iptables -L OUTPUT -v -n -x
iptables -R OUTPUT 1 -p icmp --icmp-type echo-request -m limit --limit 1/s --limit-burst 1
ping -q -c 3 -i 0.3 127.0.0.1
iptables -L OUTPUT -v -n -x
iptables -A INPUT -m limit
iptables -A INPUT -m limit --limit 10
iptables -A INPUT -m limit --limit 7/m --limit-burst 9
iptables -A INPUT -m limit --limit 60/minute
iptables -A INPUT -m limit --limit 120/min
iptables -A INPUT -m limit --limit 90/min
iptables -A INPUT -m limit --limit 1000/hour
iptables -A INPUT -m limit --limit 24/day
iptables -A INPUT -m limit --limit 2000/sec --limit-burst 10000
iptables -A INPUT -m limit --limit-burst 0
iptables -S INPUT
iptables -L INPUT
iptables -C INPUT -m limit --limit 1/hour --limit-burst 1
iptables -C INPUT -m limit --limit 24/day
iptables -A INPUT -m limit --limit 0/sec
iptables -A INPUT -m limit --limit 1/week
iptables -A INPUT -m limit --limit 20000/sec
iptables -A INPUT -m limit --limit 1/
iptables -A INPUT -m limit --limit-burst 10001
iptables -A INPUT -m limit ! --limit 1/sec
iptables -A INPUT -m limit --limit 1/s --limit 2/s
