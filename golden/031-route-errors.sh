# ip route error messages: duplicate, gateway not on a connected net, missing/unknown device, device down, absent route, bad prefix, bad table, unknown keyword
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 address 02:00:00:00:00:04
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.1.0.1/24 dev veth2
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip route add 192.168.5.0/24 via 10.0.0.2
ip route add 192.168.5.0/24 via 10.0.0.2
ip route add 192.168.5.0/24 via 10.0.0.3
ip route add 192.168.6.0/24 via 10.9.0.2
ip route add 192.168.6.0/24 via 10.1.0.2
ip route add 192.168.6.0/24 dev veth2
ip route add 192.168.6.0/24 dev nope
ip route add 192.168.6.0/24 via 10.0.0.2 dev veth2
ip route add 192.168.6.0/24 via 10.0.0.1
ip route add 192.168.6.0/24
ip route add 192.168.6.0/33 dev veth0
ip route add 192.168.300.0/24 dev veth0
ip route add 192.168.6.1/24 dev veth0
ip route add 192.168.6.0/24 dev veth0 table foo
ip route add 192.168.6.0/24 dev veth0 frobnicate
ip route add 192.168.6.0/24 via 10.0.0.2 src 10.9.9.9
ip route del 192.168.99.0/24
ip route del 192.168.5.0/24 via 10.0.0.9
ip route del 192.168.5.0/24 dev veth2
ip route del 192.168.5.0/24 table 100
ip route del 192.168.5.0/24 dev nope
ip route show table 300
ip route show dev nope
ip route get 10.250.0.1
ip route get 300.1.1.1
ip route show
