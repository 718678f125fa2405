# ip addr add/show: primary vs secondary, broadcast +, label, scope link/host, /32 without prefix, ordering by scope, show filters
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.5/24 dev veth0
ip addr add 10.0.0.6/24 broadcast + label veth0:1 dev veth0
ip addr add 10.1.0.1/16 brd + dev veth0 scope link
ip addr add 10.0.0.3 dev veth0
ip addr add 192.168.9.1/24 brd 192.168.9.127 dev veth0
ip addr add 172.16.0.1/12 dev veth0 scope host
ip addr show dev veth0
ip addr show veth0
ip addr show label veth0:1
ip addr show dev veth0 scope link
ip addr show dev veth0 primary
ip addr show dev veth0 secondary
ip addr show to 10.0.0.0/24
ip addr show dev veth1
ip addr
ip a s lo
ip address list dev veth0 label veth0
