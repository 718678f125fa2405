# ip maddress show: link groups of dev->mc, IPv4 groups of up devices, IPv6 groups of every in6_dev, a snooping bridge's 224.0.0.106/ff02::6a, filters, -j/-o
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip maddr
ip link set veth0 up
ip maddr show dev veth0
ip maddr show veth1
ip maddr show dev nope
ip link set veth1 up
ip link set lo up
ip link add br0 address 02:00:00:00:00:05 type bridge
ip maddr show dev br0
ip link set br0 up
ip link set veth1 master br0
ping -q -c 1 127.0.0.1
ip maddr
ip -4 maddr
ip -6 maddr show dev br0
ip -0 maddr show dev br0
ip -j maddr show dev br0
ip -j -p maddr show dev lo
ip -o maddr show dev veth0
ip link set br0 type bridge mcast_snooping 0
ip maddr show dev br0
ip link set veth0 mtu 1000
ip maddr show dev veth0
ip link set veth0 down
ip maddr show dev veth0
ip maddr frob
ip maddr help
ip maddr show dev a dev b
