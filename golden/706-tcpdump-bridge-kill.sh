# tcpdump on a bridge port and on the bridge (frames seen before the rx_handler), ended by kill
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02 netns a
ip link set veth0 master br0
ip addr add 10.0.0.1/24 dev br0
ip -n a addr add 10.0.0.2/24 dev veth1
ip link set br0 up
ip link set veth0 up
ip -n a link set veth1 up
ip -n a neigh replace 10.0.0.1 lladdr 02:00:00:00:01:00 dev veth1 nud permanent
sleep 1
tcpdump -n -t -i veth0 icmp &
tcpdump -n -t -e -i br0 icmp &
sleep 0.5
ping -c 2 -e 51 10.0.0.2
sleep 2
kill %1
kill %2
wait
