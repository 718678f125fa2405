# -m multiport: source/destination/either port lists with ranges, inversion, service names in -L, the 15-slot limit; nc -z to closed loopback ports counts the SYNs and the RSTs; errors
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
iptables -A OUTPUT -o lo -p tcp -m multiport --dports 22,80:90
iptables -A OUTPUT -o lo -p tcp -m multiport ! --dports 22,80:90
iptables -A INPUT -i lo -p tcp -m multiport --sports 22,85
iptables -A INPUT -i lo -p tcp -m multiport --ports 85
iptables -A INPUT -i lo -p tcp -m multiport --destination-ports 91 -j REJECT --reject-with tcp-reset
nc -z -w 1 127.0.0.1 22
nc -z -w 1 127.0.0.1 85
nc -z -w 1 127.0.0.1 91
iptables -L -v -n -x
iptables -L INPUT
iptables -A FORWARD -p udp -m multiport --source-ports 53,67:68,123
iptables -A FORWARD -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
iptables -A FORWARD -p tcp -m multiport --ports 1,2:3,4:5,6:7,8:9,10:11,12:13,14
iptables -S FORWARD
iptables -L FORWARD
iptables -A FORWARD -m multiport --dports 22
iptables -A FORWARD -p icmp -m multiport --dports 22
iptables -A FORWARD ! -p tcp -m multiport --dports 22
iptables -A FORWARD -p tcp -m multiport
iptables -A FORWARD -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16
iptables -A FORWARD -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14:20
iptables -A FORWARD -p tcp -m multiport --dports 80:80
iptables -A FORWARD -p tcp -m multiport --dports 90:80
iptables -A FORWARD -p tcp -m multiport --dports 1,
iptables -A FORWARD -p tcp -m multiport --dports nosuchservice
iptables -A FORWARD -p tcp -m multiport --dports 65536
iptables -A FORWARD -p tcp -m multiport --dports 1 --sports 2
iptables -A FORWARD -p tcp -m multiport --sports 1 --source-ports 2
iptables -A FORWARD -p tcp --multiport 1
