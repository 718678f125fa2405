# tcpdump -v on ARP (hardware and protocol lengths), -q with -e, and names without -n (Broadcast, oui Unknown)
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
sleep 1
ip neigh flush dev veth0
tcpdump -n -t -v -i veth0 arp &
sleep 0.5
ping -c 1 -e 61 10.0.0.2
sleep 2
kill %1
wait
ip neigh flush dev veth0
tcpdump -n -t -q -e -i veth0 &
sleep 0.5
ping -c 1 -e 62 10.0.0.2
sleep 2
kill %1
wait
ip neigh flush dev veth0
ip -n a neigh flush dev veth1
ip neigh flush dev veth0
ip netns exec a tcpdump -t -i veth1 &
sleep 0.5
ping -c 1 -e 63 10.0.0.2
sleep 2
kill %1
wait
