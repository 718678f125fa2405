# admin down removes the connected, broadcast and static routes of a device (all tables) and up brings back only the kernel ones; a route via another device stays; carrier loss only marks routes linkdown; an mtu change leaves routes alone
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
ip route add 192.168.1.0/24 via 10.0.0.2
ip route add 192.168.2.0/24 dev veth0
ip route add default via 10.0.0.254
ip route add 192.168.3.0/24 via 10.1.0.2
ip route add 192.168.4.0/24 via 10.0.0.2 table 100
ip route show table all
ip link set veth0 down
ping -q -c 2 127.0.0.1
ip route show table all
ip route get 192.168.1.1
ip link set veth0 up
ping -q -c 2 127.0.0.1
ip route show table all
ip route add 192.168.1.0/24 via 10.0.0.2
ip link set veth1 down
ping -q -c 2 127.0.0.1
ip route
ip route get 192.168.1.1
ip route get 10.0.0.2
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip route
ip link set veth0 mtu 1400
ip route
ip route get 10.0.0.2
