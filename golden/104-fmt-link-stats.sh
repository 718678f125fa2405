# ip -s / -s -s link: idle veths (all zero), lo after exactly 2 pings of 127.0.0.1, an up bridge without ports (its 2 IGMP reports counted as TX dropped), -s with -br and -o
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add br0 address 02:00:00:00:00:03 type bridge
ip -s link show veth0
ip -s -s link show veth0
ip link set veth0 up
ip link set veth1 up
ip link set br0 up
ping -q -c 2 127.0.0.1
ip -s link show lo
ip -s -s link show lo
ip -s link show veth1
ip -s -s link show br0
ip -s link
ip -s -o link show lo
ip -s -br link show lo
ip -statistics link show lo
