# ip link error messages and exit codes: missing device, existing names, bad mtu, bad address, bad type, bad name, bad master; an unnamed veth gets the first free vethN
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link show nope
ip link show dev nope
ip link set nope up
ip link set dev nope mtu 1400
ip link del nope
ip link del dev nope
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add veth0 type veth peer name veth9
ip link add veth5 type veth peer name veth1
ip link add lo type veth peer name veth7
ip link show veth9
ip link show veth5
ip link set veth0 mtu 70000
ip link set veth0 mtu 65536
ip link set veth0 mtu 67
ip link set veth0 mtu 0
ip link set veth0 mtu abc
ip link set veth0 address zz
ip link set veth0 address 01:00:00:00:00:01
ip link set veth0 address 00:00:00:00:00:00
ip link set veth0 name veth1
ip link set veth0 name averyveryverylongname
ip link add x0 type foobar
ip link add x0 type
ip link add address 02:00:00:00:00:03 type veth peer name x1 address 02:00:00:00:00:04
ip link set veth0 master nope
ip link set veth0 master veth1
ip link set veth0 up down
ip link set veth0 frobnicate
ip link show veth0
ip link show veth1
ip link
