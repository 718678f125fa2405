# ip -br addr / -br -4 addr / -o addr / -o -4 addr with several addresses per device, labels, devices without addresses, show filters (up, dev, label, scope, primary/secondary, to)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add br0 address 02:00:00:00:00:03 type bridge
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.2/24 dev veth0 label veth0:1
ip addr add 192.168.1.1/24 dev veth0
ip addr add 10.3.0.1/16 brd + dev br0
ip -br addr
ip -br -4 addr
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip -br addr
ip -br -4 addr
ip -br addr show up
ip -br addr show dev veth1
ip -o addr
ip -o -4 addr
ip -o addr show label veth0:1
ip -o addr show scope host
ip -o addr show dev veth0 primary
ip -o addr show dev veth0 secondary
ip -o addr show to 192.168.0.0/16
ip addr show up
ip addr show dev br0
ip addr show type bridge
ip addr show master br0
