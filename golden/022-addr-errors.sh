# ip addr error messages: existing address, bad prefixes, missing device, deleting absent address, bad scope, missing dev
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.1/16 dev veth0
ip addr add 10.0.0.1/24 dev veth1
ip addr add 10.0.0.300/24 dev veth0
ip addr add 10.0.0.3/33 dev veth0
ip addr add 10.0.0.3/-1 dev veth0
ip addr add foo dev veth0
ip addr add 10.0.0.3/24 dev nope
ip addr add 10.0.0.3/24
ip addr add dev veth0
ip addr add 10.0.0.3/24 dev veth0 scope galaxy
ip addr del 10.0.0.9/24 dev veth0
ip addr del 10.0.0.1/25 dev veth0
ip addr del 10.0.0.1/24 dev nope
ip addr show dev nope
ip addr flush dev nope
ip addr show
