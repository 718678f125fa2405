# qdisc noop until the first up then noqueue for good; flags after set down; multicast/arp/promisc flags
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add br0 address 02:00:00:00:00:03 type bridge
ip link show br0
ip link set br0 up
ip link set veth0 up
ping -q -c 2 127.0.0.1
ip link show br0
ip link show veth0
ip link set br0 down
ip link set veth0 down
ip link show br0
ip link show veth0
ip link set veth1 arp off
ip link set veth1 multicast off
ip link set veth1 promisc on
ip link show veth1
ip link set veth1 arp on multicast on promisc off
ip link show veth1
ip link set veth1 allmulticast on
ip link show veth1
