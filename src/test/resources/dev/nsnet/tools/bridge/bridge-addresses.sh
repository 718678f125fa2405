# the bridge's and its ports' addresses: the fdb's local entries follow address changes, the
# bridge keeps a user-set address, ports leave on delete and on a move to another namespace
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add other
ip link add br0 type bridge
ip link add v1 address 02:00:00:00:00:31 type veth peer name v1p address 02:00:00:00:01:01
ip link add v2 address 02:00:00:00:00:32 type veth peer name v2p address 02:00:00:00:01:02
ip link add v3 address 02:00:00:00:00:33 type veth peer name v3p address 02:00:00:00:01:03
ip link set v2 master br0
ip link set v3 master br0
ip link show br0
bridge fdb show br br0
ip link set v2 address 02:00:00:00:00:40
ip link show br0
bridge fdb show br br0
ip link set v3 address 02:00:00:00:00:40
bridge fdb show br br0
ip link set v1 master br0
ip link show br0
bridge fdb show br br0
ip link set v1 address 02:00:00:00:00:50
ip link show br0
bridge fdb show br br0
ip link set br0 address 02:00:00:00:0b:00
bridge fdb show br br0
ip link set v1 address 02:00:00:00:00:01
ip link show br0
bridge fdb show br br0
ip link del v1
bridge link
bridge fdb show br br0
ip link set v3 netns other
bridge link
ip -n other link show v3
ip link set v2 mtu 1300
ip link show br0
ip link del br0
ip link show v2
bridge fdb show
