# A killed job loses what its stdio buffer still holds (ping's stdout is a file: fully buffered);
# a job inside a namespace keeps that namespace alive after ip netns del, until it ends.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip netns add ns1
ip netns exec ns1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link set veth1 netns ns1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip -n ns1 addr add 10.0.0.2/24 dev veth1
ip -n ns1 link set veth1 up
ip -n ns1 link set lo up
ping -q -c 2 127.0.0.1
# no answer to ARP: nothing is flushed before the kill, so nothing ever appears
ping -c 3 -W 1 10.0.0.9 &
jobs
kill %1
# -q: the first reply flushes the header; SIGINT prints the statistics
ping -q -c 20 -i 0.5 10.0.0.2 &
kill -INT %1
ip netns exec ns1 ping -q -c 50 10.0.0.1 &
ip netns del ns1
ip netns list
ip -br link show veth0
kill %1
ping -q -c 2 127.0.0.1
ip -br link show veth0
ip neigh show 10.0.0.9 dev veth0
