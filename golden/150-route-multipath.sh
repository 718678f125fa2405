# multipath routes: nexthop via/dev/weight, listing (plain, -o, -j, -j -p), an unresolvable nexthop and the same with onlink, a truncated nexthop, deleting, linkdown per nexthop when one carrier goes
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 address 02:00:00:00:00:04
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.1.0.1/24 dev veth2
ip link set veth0 up
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
ping -q -c 2 127.0.0.1
ip route add 192.168.1.0/24 nexthop via 10.0.0.2 nexthop via 10.1.0.2
ip route add 192.168.2.0/24 nexthop via 10.0.0.2 weight 3 nexthop via 10.1.0.2 weight 1
ip route add 192.168.3.0/24 nexthop dev veth0 nexthop dev veth2
ip route add default nexthop via 10.0.0.2 dev veth0 nexthop via 10.1.0.2 dev veth2
ip route
ip -o route show 192.168.2.0/24
ip -j route show 192.168.2.0/24
ip -j -p route show 192.168.1.0/24
ip route add 192.168.4.0/24 nexthop via 10.0.0.2 nexthop via 10.9.0.2
ip route add 192.168.4.0/24 nexthop via 10.0.0.2 nexthop via 10.9.0.2 dev veth2 onlink
ip route show 192.168.4.0/24
ip route add 192.168.5.0/24 nexthop via 10.0.0.2 nexthop
ip route del 192.168.1.0/24
ip route show 192.168.1.0/24
ip route del default
ip link set veth3 down
ping -q -c 2 127.0.0.1
ip route
ip route show table all 192.168.2.0/24
