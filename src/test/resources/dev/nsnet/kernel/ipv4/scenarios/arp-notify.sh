# arp_notify=1: a gratuitous ARP when the link comes up and when its MAC changes (recorded on Linux 6.18)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
sysctl -q -w net.ipv4.conf.veth0.arp_notify=1
ip addr add 10.0.0.1/24 dev veth0
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip link set veth0 up
ping -q -c 2 127.0.0.1
ip -s link show veth0
ip -n a -s link show eth0
ip -n a neigh show dev eth0
ip -n a neigh show nud all dev eth0
ip link set veth0 address 02:00:00:00:00:11
ping -q -c 2 127.0.0.1
ip -s link show veth0
