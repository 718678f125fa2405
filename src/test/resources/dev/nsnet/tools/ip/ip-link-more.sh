# ip link add/set/del details beyond golden/01x (iproute2 6.1 iplink.c + kernel behaviour)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add v0 address 02:00:00:00:00:01 type veth peer v1 address 02:00:00:00:00:02
ip link add name v2 address 02:00:00:00:00:03 mtu 1400 txqueuelen 50 type veth peer name v3 address 02:00:00:00:00:04 mtu 1300 txqlen 0
ip link show v2
ip link show v3
ip -d link show v3
ip link add v4 mtu 1400 mtu 1300 type veth
ip link add v4 type veth peer name v5 type veth
ip link add v4 type veth foo
ip link add v4 type veth peer name v5 foo bar
ip link add v4 type dummy0 extra
ip link add v4 name v5 type veth
ip link add v4
ip link add v4 mtu 70000 type veth peer name v5
ip link add v4 address 02:00:00:00:00:05 type veth peer name v5 address 02:00:00:00:00:06 mtu 60
ip link show v4
ip link show v5
ip link add v4 index 0 type veth
ip link add v4 address 01:00:00:00:00:01 type veth peer name v5
ip link add v4 address 02:00:00:00:00:05 type veth peer name v5 address ff:ff:ff:ff:ff:ff
ip link add v4 address 02:00:00:00:00:05 up type veth peer name v5 address 02:00:00:00:00:06 up
ip link add v4 address 02:00:00:00:00:05 up type veth peer name v5 address 02:00:00:00:00:06
ip link show v4
ip link del v4
ip link add v4 address 02:00:00:00:00:05 type veth peer name v5 address 02:00:00:00:00:06
ip link show v4
ip link show v5
ip -s -s link show v4
ip link set v4 txqueuelen abc
ip link set v4 txqueuelen -1
ip link set v4 txqueuelen 0
ip link show v4
ip link set v4 group 5
ip link show v4
ip link show group 5
ip link set v4 group default
ip link set v4 group abc
ip link set v4 promisc maybe
ip link set v4 arp
ip link set v4 mtu 1400 mtu 1300
ip link set v4 name v0
ip link set v4 name "a b"
ip link set v4 name v4x
ip link set v4x name v4
ip link set v4 index 9
ip link set v4 carrier on
ip link set v4 carrier maybe
ip link set v4 alias "first alias"
ip -j link show v4
ip link set v4 alias ""
ip link show v4
ip link set v4 promisc on
ip -d link show v4
ip link set v4 promisc on
ip -d link show v4
ip link set v4 promisc off allmulticast on
ip -d link show v4
ip link set v4 nomaster
ip link set v4 master lo
ip link set v4 address 02:00:00:00:00:05:07
ip link set v4 address 02:00
ip link set v4 broadcast ff:ff:ff:ff:ff:fe
ip link show v4
ip link set lo address 02:00:00:00:00:09
ip link set lo mtu 1500
ip link show lo
ip link set lo down
ip link set dev
ip link set
ip link del
ip link delete v4 type veth
ip link show v5
ip link set if3 down
ip link show if3
ip link show if99
ip link del v0
ip -o link
ip link add type veth peer name p1 address 02:00:00:00:00:10
ip -br link show p1
ip link del p1
ip link replace v9 address 02:00:00:00:00:11 type veth peer name v9p address 02:00:00:00:00:12
ip link replace v9 mtu 1000 type veth
ip link show v9
ip link change v9 mtu 1200
ip link show v9
ip link add v9 type veth
