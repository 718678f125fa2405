# ip link output formats: -br, -o, -j, -j -p, -p alone, -d (veth, down bridge), filters up/type/master, abbreviations
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add br0 address 02:00:00:00:00:03 type bridge
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip -br link
ip -br link show veth0
ip -o link show veth1
ip -j link
ip -j -p link show veth0
ip -p link show veth0
ip -json -pretty link show lo
ip -d link show veth0
ip -d link show br0
ip -details -br link show br0
ip link show up
ip link show type veth
ip link show type bridge
ip -br link show type veth
ip link show master br0
ip l
ip li sh dev lo
ip link list veth1
