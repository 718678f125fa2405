# routes the kernel derives from addresses: local routes at once, connected and broadcast routes only while the link is up; linkdown when the carrier goes
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.5/24 dev veth0
ip addr add 192.168.1.1/30 dev veth0
ip addr add 10.9.9.9/32 dev veth0
ip route show
ip route show table local
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip route show
ip route show table local
ip route show table all
ip link set veth1 down
ping -q -c 2 127.0.0.1
ip route show
ip link set veth0 down
ip route show
ip route show table local
