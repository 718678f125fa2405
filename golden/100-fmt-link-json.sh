# ip -j / -j -p link for lo, a veth pair, a bridge and a bridge port, down and up; -j with -d, -s and -s -s; devices filtered out by type/up print as {}
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add br0 address 02:00:00:00:00:03 type bridge
ip -j link show lo
ip -j -p link show lo
ip -j link show veth0
ip -j link show type nosuch
ip -j link show up
ip link set veth0 master br0
ip link set veth0 up
ip link set veth1 up
ip link set br0 up
ping -q -c 2 127.0.0.1
ip -j link
ip -j -p link show veth0
ip -j -p link show br0
ip -j link show master br0
ip -j -s link show veth1
ip -j -p -s -s link show lo
ip -j -d link show veth1
ip -j -p link show nope
