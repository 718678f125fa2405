# -m statistic: nth mode counts (every 3 from packet 0 and 1, inverted), random mode with probability 0 and 1; forms (probability to 11 decimals) and errors
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
iptables -A OUTPUT -p icmp --icmp-type echo-request -m statistic --mode nth --every 3 --packet 0
iptables -A OUTPUT -p icmp --icmp-type echo-request -m statistic --mode nth --every 3 --packet 1
iptables -A OUTPUT -p icmp --icmp-type echo-request -m statistic --mode nth ! --every 2 --packet 1
iptables -A OUTPUT -p icmp --icmp-type echo-request -m statistic --mode random --probability 1
iptables -A OUTPUT -p icmp --icmp-type echo-request -m statistic --mode random --probability 0
iptables -A OUTPUT -p icmp --icmp-type echo-request -m statistic --mode random ! --probability 0
ping -q -c 7 -i 0.2 127.0.0.1
iptables -L OUTPUT -v -n -x
iptables -S OUTPUT
iptables -A INPUT -m statistic --mode random --probability 0.1
iptables -A INPUT -m statistic --mode random --probability 0.123456789
iptables -A INPUT -m statistic --mode nth --every 5
iptables -S INPUT
iptables -A INPUT -m statistic --mode nth --every 5 --packet 2
iptables -L INPUT
iptables -D INPUT -m statistic --mode nth --every 5 --packet 2
iptables -A INPUT -m statistic
iptables -A INPUT -m statistic --probability 0.5
iptables -A INPUT -m statistic --mode foo
iptables -A INPUT -m statistic ! --mode random --probability 0.5
iptables -A INPUT -m statistic --mode random --probability 1.5
iptables -A INPUT -m statistic --mode random --probability x
iptables -A INPUT -m statistic --mode nth --every 0 --packet 0
iptables -A INPUT -m statistic --mode nth --every 3 --packet 3
iptables -A INPUT -m statistic --mode nth --packet 1
iptables -A INPUT -m statistic --mode nth --every 2 --probability 0.5
iptables -A INPUT -m statistic --mode nth --every 2 --packet 1 --every 3
