# ip -j / -j -p addr: primary, secondary, label, brd, scope host/link, /32, lo, an interface without addresses, -4 with -j, -j -s
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.2/24 brd + dev veth0 label veth0:1
ip addr add 10.1.0.1/16 dev veth0 scope link
ip addr add 10.9.9.9 dev veth0
ip -j addr show dev veth0
ip -j -p addr show dev veth0
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip -j addr
ip -j -p addr show dev veth1
ip -j -4 addr
ip -j -p -4 addr show dev lo
ip -j addr show dev veth0 secondary
ip -j addr show to 10.0.0.0/24
ip -j -s addr show dev lo
ip -j addr show dev nope
