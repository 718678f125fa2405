# a device's own address lists ("self" entries), vlan ids on fdb requests, flush, MTU limits
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add br0 mtu 9000 type bridge
ip link add v1 address 02:00:00:00:00:01 type veth peer name v1p address 02:00:00:00:01:01
ip link set v1 master br0
ip link show br0
ip link set v1 mtu 1400
ip link show br0
ip link set br0 mtu 70000
ip link set br0 mtu 60
ip link add br1 address 02:00:00:00:0b:01 type bridge mcast_snooping 0
ip link set br1 up
bridge fdb show dev br1
ip link set br1 down
bridge fdb show dev br1
bridge fdb add 33:33:00:00:00:01 dev v1
bridge fdb del 33:33:00:00:00:01 dev v1
bridge fdb show dev v1
bridge fdb add 02:00:00:00:00:aa dev v1
bridge fdb add 02:00:00:00:00:aa dev v1
bridge fdb append 02:00:00:00:00:aa dev v1
bridge fdb add 01:00:5e:01:02:03 dev v1 self
bridge -j -p fdb show dev v1
bridge fdb del 02:00:00:00:00:99 dev v1
bridge fdb del 02:00:00:00:00:99 dev v1 vlan 0
bridge fdb add 02:00:00:00:00:99 dev v1 master vlan 0
bridge fdb add 02:00:00:00:00:99 dev v1 master vlan 1
bridge fdb add 02:00:00:00:00:99 dev lo self
bridge fdb del 02:00:00:00:00:99 dev lo self
bridge fdb add 02:00:00:00:00:99 dev v1 master static
bridge fdb add 02:00:00:00:00:98 dev br0 self
bridge -s -j -p fdb show br br0
bridge fdb flush dev v1
bridge fdb flush dev br0 brport v1 static
bridge fdb show br br0
bridge fdb flush dev v1 master
bridge fdb show br br0
bridge fdb flush dev br0
bridge fdb show br br0
