# ip addr flush with primaries and secondaries on several devices: by dev, by label pattern, secondary only, primary only, scope, ip -s addr flush round statistics, routes afterwards
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.2/24 dev veth0 label veth0:a
ip addr add 10.0.0.3/24 dev veth0 label veth0:b
ip addr add 10.2.0.1/16 dev veth0 scope link
ip addr add 10.3.0.1/24 dev veth1
ip addr add 10.3.0.2/24 dev veth1
ip addr flush dev veth0 secondary
ip addr show dev veth0
ip addr add 10.0.0.2/24 dev veth0 label veth0:a
ip addr add 10.0.0.3/24 dev veth0 label veth0:b
ip addr flush label 'veth0:*'
ip addr show dev veth0
ip addr flush dev veth0 scope link
ip addr show dev veth0
ip addr add 10.0.0.2/24 dev veth0
ip -s addr flush dev veth0
ip addr show dev veth0
ip route show table all dev veth0
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.2/24 dev veth0
ip addr flush dev veth1 primary
ip addr show dev veth1
ip -s -s addr flush to 10.0.0.0/24
ip -s addr flush dev veth0
ip addr flush dev veth0
ip -4 addr
