# ip -br and ip -o link: every state (DOWN, LOWERLAYERDOWN, UP, UNKNOWN), the @peer column, filters, -br with -o, link-netns in -o
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:00:03 type veth peer name eth0 address 02:00:00:00:00:04 netns a
ip link add br0 address 02:00:00:00:00:05 type bridge
ip -br link
ip link set veth0 up
ip link set br0 up
ip link set veth2 up
ping -q -c 2 127.0.0.1
ip -br link
ip -o link
ip -o link show veth2
ip -br -o link
ip -br link show up
ip -br link show down
ip -br link show dev veth1
ip -n a -br link
ip -n a -o link
ip link set veth1 up
ip -n a link set eth0 up
ping -q -c 2 127.0.0.1
ip -br link show type veth
ip -oneline link show veth1
ip -brief link show lo
