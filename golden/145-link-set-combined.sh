# several attributes in one ip link set (mtu, address, txqueuelen, alias, up), group set and filters, set by group, arp off -> NOARP, multicast/allmulticast/dynamic/promisc flags, alias removal
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set dev veth0 mtu 1400 address 02:00:00:00:00:11 txqueuelen 500 alias uplink up
ping -q -c 2 127.0.0.1
ip link show veth0
ip link set veth0 group 5
ip link set veth1 group 5
ip link show group 5
ip -br link show group 5
ip link set group 5 mtu 1300
ip -br link show group 5
ip link show dev veth1
ip link set veth0 arp off multicast off allmulticast on
ip link show veth0
ip link set veth0 arp on multicast on allmulticast off dynamic on
ip link show veth0
ip link set veth0 dynamic off promisc on
ip link show veth0
ip -j link show veth0
ip link set veth0 alias ""
ip link show veth0
ip link set veth0 group default
ip link show group default
