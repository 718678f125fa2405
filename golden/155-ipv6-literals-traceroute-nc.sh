# IPv6 literals given to traceroute and nc on a host with IPv6 off: getaddrinfo takes them, then connect/bind fails with EADDRNOTAVAIL; -4 with a v6 literal (and traceroute -6 with a v4 one) is EAI_ADDRFAMILY; a name with a colon that is no literal is 'Name or service not known' (no DNS query); traceroute maps ::ffff:a.b.c.d to IPv4
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
traceroute ::1
traceroute -n 2001:db8::1
traceroute -I -n ::1
traceroute -4 ::1
traceroute -6 ::1
traceroute -n fe80::1%lo
nc ::1 80
nc -z -v ::1 80
nc -z -v -n 2001:db8::1 80
nc -u -z -v ::1 53
nc -4 -z -v ::1 80
nc -l ::1 8080 &
nc -z -w 1 -v 127.0.0.1 8080
kill %1
traceroute -6 127.0.0.1
traceroute -6 localhost
traceroute -m 5 -q 1 ::1
traceroute -n ::ffff:127.0.0.1
nc -v 2001:db8::1 80-81
nc -z -v 1:2:3:4:5:6:7:8:9 80
traceroute 1::2::3
