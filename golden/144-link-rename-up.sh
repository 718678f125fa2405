# renaming devices: while up (allowed), addresses/routes/neighbours follow the device, the peer's @name changes, sysctl keys move, names in use, invalid names (empty, 16 chars, colon), a 15-char name in -br columns, renaming back
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
sysctl -w net.ipv4.conf.veth0.rp_filter=2
ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev veth0
ip link set veth0 name wan0
ip link show wan0
ip link show veth1
ip addr show dev wan0
ip route
ip neigh show dev wan0
sysctl net.ipv4.conf.wan0.rp_filter
sysctl net.ipv4.conf.veth0.rp_filter
ip link set wan0 name veth1
ip link set wan0 name lo
ip link set wan0 name eth0:1
ip link set wan0 name ""
ip link set wan0 name 1234567890abcdef
ip link set wan0 name 1234567890abcde
ip -br link
ip link set 1234567890abcde name veth0
ip -br addr
