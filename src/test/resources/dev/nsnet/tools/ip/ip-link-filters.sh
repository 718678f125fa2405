# ip link show filters: master/nomaster/type/group/up/label/to/scope, in -br and -j, and ip -br addr with link filters
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add br0 address 02:00:00:00:00:05 type bridge
ip link set veth0 master br0
ip link set veth1 group 3 up
ip -j link show master br0
ip -j link show nomaster
ip -br link show nomaster
ip -br link show master br0 type veth
ip -br link show type bridge_slave up
ip -br link show group 3
ip -j link show group 3
ip -br link show group default
ip -br link show up
ip -br link show vrf foo
ip -br link show master veth1
ip -br link show master nope
ip -br link show type veth type bridge
ip -br link show dev veth0 type bridge
ip -br link show veth0 master br0
ip -br link show veth1 master br0
ip -br link show veth0 veth1
ip -br link show group
ip -br link show group abc
ip -br link show type
ip -br link show label foo
ip -br link show to 10.0.0.0/8
ip -br link show scope global
ip -br link show permanent
ip -br addr show master br0
ip -br addr show type veth
ip -br addr show up
