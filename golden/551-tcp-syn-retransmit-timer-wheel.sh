# TCP's retransmission timer lives on the kernel's timer wheel (fuzz seeds 99, 14146): the 1 s SYN retransmission fires at 1.004-1.032 s, after nc -w 1 has given up at exactly 1 s, so a dropped SYN is counted once
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
iptables -P INPUT DROP
nc -z -v -w 1 127.0.0.1 5000
iptables-save
iptables -P INPUT ACCEPT
iptables -Z
iptables -A INPUT -p tcp --syn -j DROP
nc -z -v -w 2 127.0.0.1 5000
iptables -L INPUT -n -v -x
nc -z -v -w 1 127.0.0.1 5000
iptables -L INPUT -n -v -x
