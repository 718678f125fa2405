# ip addr output formats: -4, -o, -br, -j, -j -p, up filter, on a netns via -n
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.9/24 brd + dev veth0 label veth0:x
ip -n a addr add 10.0.0.2/24 dev eth0
ip link set veth0 up
ip -n a link set eth0 up
ping -q -c 2 127.0.0.1
ip -4 addr
ip -4 -o addr
ip -o addr show dev veth0
ip -br addr
ip -br -4 addr show veth0
ip -j addr show dev veth0
ip -j -p addr show dev veth0
ip addr show up
ip -n a addr
ip -n a -br addr
ip -n a -j addr show dev eth0
ip -4 addr show dev lo
