# tcpdump's messages and exit statuses for bad devices, options, counts and filters
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
tcpdump -i nope
tcpdump -i nope 'host and'
tcpdump -i veth0 -c 1
ip link set veth0 up
tcpdump -i veth0 'host and'
tcpdump -i veth0 frob
tcpdump -i veth0 '(udp'
tcpdump -i veth0 host 10.0.0.300
tcpdump -i veth0 port 99999
tcpdump -i veth0 net 10.0.0.1/24
tcpdump -i veth0 net 10.0.0.0/33
tcpdump -i veth0 ether src foo
tcpdump -c 0 -i veth0
tcpdump -c x -i veth0
tcpdump -s x -i veth0
tcpdump -k
tcpdump -c
tcpdump -r /nonexistent/x.pcap
tcpdump -w /nonexistent/x.pcap -i veth0
