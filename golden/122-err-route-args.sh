# ip route errors for missing/wrong arguments: /33, short gateway, no dev/via, bad metric/table/proto/scope/type/mtu, unknown device, get/del/show forms
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip route add 10.9.0.0/33 dev veth0
ip route add default via 1.2.3
ip route add default via 10.0.0.256
ip route add 10.9.0.0/16
ip route add via 10.0.0.2
ip route add 10.9.0.0/16 via
ip route add 10.9.0.0/16 dev
ip route add 10.9.0.0/16 dev nope
ip route add 10.9.0.0/16 via 10.0.0.2 dev nope
ip route add 10.9.0.0/16 via 10.0.0.2 metric abc
ip route add 10.9.0.0/16 via 10.0.0.2 metric -1
ip route add 10.9.0.0/16 via 10.0.0.2 table abc
ip route add 10.9.0.0/16 via 10.0.0.2 proto nope
ip route add 10.9.0.0/16 via 10.0.0.2 scope nope
ip route add 10.9.0.0/16 via 10.0.0.2 mtu abc
ip route add 10.9.0.0/16 via 10.0.0.2 frobnicate
ip route add nope 10.9.0.0/16 via 10.0.0.2
ip route add 10.9.0.0/16 via 10.0.0.2 via 10.0.0.3
ip route add 10.9.0.0/16 dev veth0 scope host
ip route show 10.9.0.0/16
ip route del 10.9.0.0/16
ip route add 10.9.0.0/16 via 10.0.0.2 scope link
ip route add 10.9.0.0/16 via 10.0.0.2 scope host
ip route add 10.9.0.0/16 via 10.0.0.2 src 10.5.5.5
ip route add local 10.9.9.9 dev veth0
ip route add 10.9.0.0/16 via 10.0.0.2 src 10.9.9.9
ip route add 10.7.0.0/16 via 10.0.0.2 table 0
ip route add 10.8.0.0/16 via 10.0.0.2 table 4294967295
ip route show table all
ip route del
ip route del 10.9.0.0/16
ip route del default
ip route del 10.9.0.0/33
ip route get 10.0.0.2.1
ip route get 10.0.0.2 from nope
ip route get 10.0.0.2 iif nope
ip route get 10.0.0.2 oif
ip route get 10.0.0.2 frobnicate
ip route show table nope
ip route show dev nope
ip route show 10.0.0.0/33
ip route show proto nope
ip route flush table nope
ip route
