# ping -R: the record-route option filled by sender, router and replier, "(same route)", with fragments (recorded on Linux 6.18)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns add r
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec r sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns r
ip -n r link add eth1 address 02:00:00:00:01:01 type veth peer name eth0 address 02:00:00:00:01:02 netns a
ip addr add 10.0.0.1/24 dev veth0
ip -n r addr add 10.0.0.2/24 dev eth0
ip -n r addr add 10.1.0.1/24 dev eth1
ip -n a addr add 10.1.0.2/24 dev eth0
ip link set veth0 up
ip -n r link set eth0 up
ip -n r link set eth1 up
ip -n a link set eth0 up
ip route add 10.1.0.0/24 via 10.0.0.2
ip -n a route add default via 10.1.0.1
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ping -q -c 2 127.0.0.1
ping -c 1 -R 10.0.0.2
ping -c 2 -i 0.2 -R 10.1.0.2
ping -c 1 -R 127.0.0.1
ping -c 1 -R -s 2000 10.1.0.2
ping -c 1 -R 10.0.0.1 10.1.0.2
