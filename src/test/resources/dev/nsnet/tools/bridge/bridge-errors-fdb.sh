# bridge errors and fdb add/del
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add br0 address 02:00:00:00:0b:00 type bridge
ip link add br1 address 02:00:00:00:0b:01 type bridge
ip link add v1 address 02:00:00:00:00:01 type veth peer name v1p address 02:00:00:00:01:01
ip link add v2 address 02:00:00:00:00:02 type veth peer name v2p address 02:00:00:00:01:02
ip link set br0 master br0
ip link set br1 master br0
ip link set lo master br0
ip link set v1 master br0
ip link set v1 master br0
ip link set v1 master br1
ip link show v1
ip link set v2 up
ip link set v2 master br0
ip link set v1p nomaster
ip link set v1p master v2p
bridge fdb show br br0
bridge fdb show brport v1
bridge fdb show dev br0
bridge fdb add 02:00:00:00:aa:01 dev v1 master static
bridge fdb add 02:00:00:00:aa:02 dev v1 master
bridge fdb add 02:00:00:00:aa:03 dev v1 master dynamic
bridge fdb add 02:00:00:00:aa:04 dev v1
bridge fdb add 02:00:00:00:aa:05 dev v1 self permanent
bridge fdb add 02:00:00:00:aa:01 dev v1 master static
bridge fdb replace 02:00:00:00:aa:01 dev v2 master static
bridge fdb add 02:00:00:00:aa:06 dev br0 master static
bridge fdb add 02:00:00:00:aa:07 dev br0 self
bridge fdb add 02:00:00:00:aa:08 dev lo master
bridge fdb add zz dev v1 master
bridge fdb add 02:00:00:00:aa:09 dev nope master
bridge fdb add 02:00:00:00:aa:09 master
bridge fdb add 01:00:5e:00:00:05 dev v1
bridge fdb add 00:00:00:00:00:00 dev v1 master
bridge fdb add 02:00:00:00:aa:01 dev v1 master vlan 5
bridge fdb add 02:00:00:00:aa:01 dev v1 self static
bridge fdb add 02:00:00:00:aa:01 dev v1 master sticky
bridge fdb add 02:00:00:00:aa:0a dev v1 master static sticky
bridge fdb show
bridge -s fdb show br br0
bridge fdb del 02:00:00:00:aa:01 dev v2 master
bridge fdb del 02:00:00:00:aa:01 dev v2 master
bridge fdb del 02:00:00:00:aa:04 dev v1
bridge fdb del 02:00:00:00:00:01 dev v1 master
bridge fdb del 02:00:00:00:aa:01 dev v1p master
bridge fdb del 02:00:00:00:aa:01 dev br0 master
bridge fdb show
bridge fdb show dev v1 state static
bridge fdb show br br1 dynamic
bridge fdb get 02:00:00:00:aa:0a dev v1 master
bridge fdb get 02:00:00:00:aa:0a br br1
bridge fdb get 02:00:00:00:aa:99 br br1
bridge fdb flush dev br1
bridge fdb show br br1
bridge foo
bridge fdb foo
bridge link foo
bridge link show dev nope
bridge fdb show dev nope
bridge fdb show br nope
bridge -x
bridge
bridge fdb help
bridge -V
bridge -n nope fdb
bridge link show dev v1p
bridge link set dev v1 state 3
bridge link set dev v1 cost 0
bridge link set dev v1 cost 70000
bridge link set dev v1 priority 64
bridge link set dev v1 priority 10 cost 5 learning off flood off hairpin on
bridge -d link show
bridge -d -j link show
bridge link set dev v1p learning off
bridge link set dev br0 learning off
bridge link set dev nope learning off
bridge link set dev v1 learning maybe
bridge link set learning off
bridge vlan show
bridge -j vlan show
bridge mdb show
bridge -j mdb show
bridge -j -p mdb show
