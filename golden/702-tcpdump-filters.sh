# tcpdump filter expressions over UDP, ICMP and ARP: host, net, port, portrange, src/dst, and/or/not, parentheses
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1/24 dev veth0
ip -n a addr add 10.0.0.2/24 dev veth1
ip link set veth0 up
ip -n a link set veth1 up
ip -n a neigh replace 10.0.0.1 lladdr 02:00:00:00:00:01 dev veth1 nud permanent
ip -n a link set lo up
sleep 1
ip neigh flush dev veth0
tcpdump -n -t -i veth0 'udp and dst port 5000' &
sleep 0.5
echo hi | nc -u -w 1 -p 40000 10.0.0.2 5000
sleep 2
kill %1
wait
ip neigh flush dev veth0
tcpdump -n -t -i veth0 'icmp and (src host 10.0.0.2 or dst 10.0.0.9)' &
sleep 0.5
ping -c 1 -e 21 10.0.0.2
sleep 2
kill %1
wait
ip neigh flush dev veth0
tcpdump -n -t -i veth0 'not arp && portrange 5000-5002 || icmp' &
sleep 0.5
echo hi | nc -u -w 1 -p 40003 10.0.0.2 5002
sleep 2
kill %1
wait
ip neigh flush dev veth0
tcpdump -n -t -i veth0 'ether src 02:00:00:00:00:02 or net 10.0.0.0/24 and arp' &
sleep 0.5
ping -c 1 -e 22 10.0.0.2
sleep 2
kill %1
wait
ip neigh flush dev veth0
tcpdump -n -t -i veth0 src 10.0.0.1 and udp and not port 5003 &
sleep 0.5
echo hi | nc -u -w 1 -p 40004 10.0.0.2 5003
echo hi | nc -u -w 1 -p 40005 10.0.0.2 5004
sleep 2
kill %1
wait
