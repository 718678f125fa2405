# nc client errors and refusals: connection refused (RST), no route, bad ports and hosts, usage, UDP port unreachable
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip link add veth0 netns a address 02:00:00:00:00:01 type veth peer name veth1 netns b address 02:00:00:00:00:02
ip -n a addr add 10.0.0.1/24 dev veth0
ip -n b addr add 10.0.0.2/24 dev veth1
ip -n a link set lo up
ip -n b link set lo up
ip -n a link set veth0 up
ip -n b link set veth1 up
sleep 1
ip netns exec a nc -z -v 10.0.0.2 8080
ip netns exec a nc -z 10.0.0.2 8080
ip netns exec a nc 10.0.0.2 8080
ip netns exec a nc -v -n 10.0.0.2 22
ip netns exec a nc -z -v 10.0.0.2 http
ip netns exec a nc -z -v 192.168.1.1 80
ip netns exec a nc -z -v 10.0.0.2 70000
ip netns exec a nc -z -v 10.0.0.2 0
ip netns exec a nc -z -v 10.0.0.2 abc
ip netns exec a nc -z -v nosuchhost 80
ip netns exec a nc -z -v -n nosuchhost 80
ip netns exec a nc 10.0.0.2
ip netns exec a nc
ip netns exec a nc -l
ip netns exec a nc -z -l 80
ip netns exec a nc -x
ip netns exec a nc -y 10.0.0.2 80
ip netns exec a nc -z -v -w abc 10.0.0.2 80
ip netns exec a nc -u -z -v 10.0.0.2 9999
ip netns exec a nc -u -z 10.0.0.2 9999
ip netns exec a nc -u -v 10.0.0.2 9999
echo hello | ip netns exec a nc -u 10.0.0.2 9999
ip netns exec a nc -z -v 127.0.0.1 80
ip netns exec a nc -z -v localhost 80
ip netns exec a nc -z -v -s 10.0.0.5 10.0.0.2 80
ip netns exec a nc -z -v -s 10.0.0.1 -p 40000 10.0.0.2 80
ip netns exec a nc -w 1 -z -v 10.0.0.99 80
ip netns exec a nc -z -v 10.0.0.99 80
ip netns exec a ss -tan
ip netns exec a ss -uan
ip netns exec a sysctl net.ipv4.ip_local_port_range
