# ip link set: mtu (both ends independent), address, rename (also while up), alias, txqueuelen; ip link show reflects each
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 mtu 9000
ip link show veth0
ip link show veth1
ip link set dev veth1 mtu 68
ip link set veth1 mtu 65535
ip link show veth1
ip link set veth0 address 02:00:00:00:00:aa
ip link set dev veth1 addr 02:00:00:00:00:bb
ip link show
ip link set veth0 name eth0
ip link show
ip link set eth0 up
ip link set veth1 up
ip link set veth1 name eth1
ping -q -c 2 127.0.0.1
ip link show
ip link set eth0 alias "uplink to peer"
ip link set eth1 txqueuelen 500
ip link show eth0
ip link show eth1
ip link set eth0 mtu 1500 down
ip link show eth0
