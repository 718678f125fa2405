# tcpdump -w writes a pcap file, -r reads it back with options and a filter
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
tcpdump -w /tmp/nsnet-golden-705.pcap -i veth0 &
sleep 0.5
ping -c 1 -e 41 10.0.0.2
sleep 2
kill %1
wait
tcpdump -r /tmp/nsnet-golden-705.pcap -n -t
tcpdump -r /tmp/nsnet-golden-705.pcap -nn -t -e icmp
tcpdump -r /tmp/nsnet-golden-705.pcap -n -t -q -c 1
tcpdump -r /tmp/nsnet-golden-705.pcap -n -t -v arp
