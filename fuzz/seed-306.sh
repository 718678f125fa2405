# fuzz seed 306: nsnet differs from the real kernel in `ip addr show dev veth0` (shrunk from 34 to 11 commands)
#    3: veth0@eth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default qlen 1000
#        link/ether 02:00:00:00:00:03 brd ff:ff:ff:ff:ff:ff
#        inet 10.0.1.3/28 scope global veth0
#           valid_lft forever preferred_lft forever
#   -    inet 10.0.1.2/28 scope global secondary veth0:2
#   +    inet 10.0.1.2/28 scope global secondary veth0
#           valid_lft forever preferred_lft forever
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
ip link add eth0 address 02:00:00:00:00:03 type veth peer name eth1 address 02:00:00:00:00:04
ip addr add 10.0.1.3/28 dev eth0
ping -q -c 2 127.0.0.1
ip addr add 10.0.1.2/28 dev eth0
ip link set eth0 name veth0
ping -q -c 2 127.0.0.1
ip addr show dev veth0
