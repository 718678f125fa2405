# tcpdump -i any: Linux cooked v2 headers, direction, -e with ifindex, loopback seen once
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
tcpdump -n -t -i any &
sleep 0.5
ping -c 1 -e 11 10.0.0.2
sleep 2
kill %1
wait
ip neigh flush dev veth0
tcpdump -nn -t -e -i any icmp &
sleep 0.5
ping -c 1 -e 12 10.0.0.2
sleep 2
kill %1
wait
ip link set lo up
ip neigh flush dev veth0
tcpdump -n -t -i lo &
sleep 0.5
ping -c 1 -e 13 127.0.0.1
sleep 2
kill %1
wait
ip neigh flush dev veth0
ip netns exec a tcpdump -n -t -i any icmp &
sleep 0.5
ping -c 1 -e 14 10.0.0.2
sleep 2
kill %1
wait
