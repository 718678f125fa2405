# route attributes: mtu, advmss, hoplimit, initcwnd, rtt, proto, lock; they show in ip route and ip route get; a link MTU change does not touch them
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip route add 192.168.1.0/24 via 10.0.0.2 mtu 1400
ip route add 192.168.2.0/24 via 10.0.0.2 mtu lock 1300 advmss 1260
ip route add 192.168.3.0/24 via 10.0.0.2 hoplimit 5 initcwnd 10
ip route add 192.168.4.0/24 via 10.0.0.2 proto static
ip route add 192.168.5.0/24 via 10.0.0.2 proto 99
ip route add 192.168.6.0/24 via 10.0.0.2 rtt 100ms
ip route
ip -j route show 192.168.2.0/24
ip route get 192.168.1.1
ip route get 192.168.2.1
ip route get 192.168.3.1
ip link set veth0 mtu 1200
ip route
ip route get 192.168.1.1
ip route get 10.0.0.2
ip route show proto static
ip route show proto 99
ip route add 192.168.7.0/24 via 10.0.0.2 mtu 70000
ip route add 192.168.7.0/24 via 10.0.0.2 mtu 100
ip route show 192.168.7.0/24
