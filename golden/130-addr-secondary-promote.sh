# secondaries in two subnets, labels veth0:1/veth0:2, promote_secondaries per device vs all, which secondary is promoted, routes of promoted addresses, deleting a secondary only
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.2/24 dev veth0 label veth0:1
ip addr add 10.0.0.3/24 dev veth0 label veth0:2
ip addr add 10.1.0.1/24 dev veth0
ip addr add 10.1.0.2/24 dev veth0
ip addr show dev veth0
ip route show dev veth0
ip route show table local dev veth0
ip addr del 10.0.0.2/24 dev veth0
ip addr show dev veth0
sysctl -w net.ipv4.conf.veth0.promote_secondaries=1
ip addr del 10.0.0.1/24 dev veth0
ip addr show dev veth0
ip route show dev veth0
ip route show table local dev veth0
sysctl -w net.ipv4.conf.veth0.promote_secondaries=0
sysctl -w net.ipv4.conf.all.promote_secondaries=1
ip addr del 10.1.0.1/24 dev veth0
ip addr show dev veth0
ip route show dev veth0
sysctl -w net.ipv4.conf.all.promote_secondaries=0
ip addr add 10.0.0.4/24 dev veth0
ip addr del 10.0.0.3/24 dev veth0
ip addr show dev veth0
ip route show dev veth0
