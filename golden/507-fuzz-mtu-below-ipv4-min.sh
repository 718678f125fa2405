# an mtu below 68 takes IPv4 off a device (fuzz seed 1499): inetdev_event(NETDEV_CHANGEMTU) destroys the in_device (addresses, their routes, net.ipv4.conf.DEV, ARP parms); 68 or more brings back an empty one (lo gets 127.0.0.1 again only at its next up)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n b link set lo up
ip -n b link set lo mtu 67
ping -q -c 2 127.0.0.1
ip -n b -4 addr show
ip -n b route show table local
ip netns exec b sysctl net.ipv4.conf.lo.forwarding
ip netns exec b ping -c 1 -W 1 127.0.0.1
ip -n b link set lo mtu 68
ip -n b -4 addr show
ip netns exec b sysctl net.ipv4.conf.lo.forwarding
ip -n b link set lo down
ip -n b link set lo up
ip -n b -4 addr show
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth0 mtu 60
ip -4 addr show dev veth0
ip route show
ip addr add 10.0.0.2/24 dev veth0
ip neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev veth0
sysctl net.ipv4.neigh.veth0.ucast_solicit
ip link set veth0 mtu 1500
ip addr add 10.0.0.2/24 dev veth0
ip -4 addr show dev veth0
ip route show
