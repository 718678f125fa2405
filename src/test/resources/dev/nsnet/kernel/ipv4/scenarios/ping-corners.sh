# ping corner cases: own address, -I, broadcast, -M, echo_ignore_*, reject routes, -p, -w, -Q, down device (recorded on Linux 6.18)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1/24 brd + dev veth0
ip -n a addr add 10.0.0.2/24 brd + dev eth0
ip link set veth0 up
ip -n a link set eth0 up
ip -n a link set lo up
ping -q -c 2 127.0.0.1
ping -c 2 -i 0.2 10.0.0.1
ip -s link show lo
ping -c 1 -I veth0 10.0.0.2
ping -c 1 -I 10.0.0.1 10.0.0.2
ping -c 1 -I lo 10.0.0.2
ping -c 1 -W 1 10.0.0.255
ping -c 2 -i 0.2 -W 1 -b 10.0.0.255
ip netns exec a sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ping -c 2 -i 0.2 -W 1 -b 10.0.0.255
ping -c 1 -M do -s 1473 10.0.0.2
ping -c 1 -M do -s 1472 10.0.0.2
ping -c 1 -M dont -s 3000 10.0.0.2
ip netns exec a sysctl -w net.ipv4.icmp_echo_ignore_all=1
ping -c 2 -i 0.2 -W 1 10.0.0.2
ip netns exec a sysctl -w net.ipv4.icmp_echo_ignore_all=0
ping -c 2 -i 0.2 -q -W 1 10.0.0.9
ping -c 4 -i 0.2 -q 10.0.0.9
ip route add prohibit 10.9.0.0/16
ping -c 1 10.9.0.1
ip route add blackhole 10.8.0.0/16
ping -c 1 10.8.0.1
ip route add unreachable 10.7.0.0/16
ping -c 1 10.7.0.1
ping -c 1 -s 1000 -p ff 10.0.0.2
ping -c 2 -i 0.2 -w 1 10.0.0.9
ping -c 1 -W 1 -Q 0x10 10.0.0.2
ping -c 1 -W 0.5 10.0.0.2
ping -c 2 -i 0.5 -W 1 10.0.0.2 -q
ip -n a addr del 10.0.0.2/24 dev eth0
ip neigh flush dev veth0
ping -c 1 -W 1 10.0.0.2
ip link set veth0 down
ping -c 1 -W 1 10.0.0.2
