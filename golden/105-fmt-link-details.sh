# ip -d link: lo, a veth end, a down bridge and a bridge port (bridge_slave attributes), a port in a bridge that is down
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add br0 address 02:00:00:00:00:03 type bridge
ip -d link show lo
ip -d link show veth1
ip -d link show br0
ip link set veth0 master br0
ip -d link show veth0
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip -d link show veth0
ip -d -br link show veth0
ip -d -o link show veth1
ip -details link show type veth
