# device groups: ip link set|del group N, group filters
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add v0 address 02:00:00:00:00:01 group 5 type veth peer name v1 address 02:00:00:00:00:02
ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04 group 5
ip link add v4 address 02:00:00:00:00:05 type veth peer name v5 address 02:00:00:00:00:06
ip link show group 5
ip -j link show group 5
ip link set group 5 mtu 1400 arp off
ip link set group 7 up
ip link set group 5 name x
ip link set group 5 foo
ip link set group 5 type veth foo
ip link add group 5 type veth
ip link set group abc up
ip -br link
ip link show
ip link del group 0
ip link del group 5
ip -br link
ip link set v4 group 3
ip link del group 3
ip -br link
