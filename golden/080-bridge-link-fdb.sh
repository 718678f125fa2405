# bridge link and fdb: ports with state/priority/cost, the fdb's permanent and self entries, static add/del with master, errors
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add vpa address 02:00:00:00:01:01 type veth peer name pa address 02:00:00:00:02:01
ip link add vpb address 02:00:00:00:01:02 type veth peer name pb address 02:00:00:00:02:02
bridge link
ip link set vpa master br0
bridge link
ip link set vpb master br0
ip link set br0 up
ip link set vpa up
ip link set pa up
ping -q -c 2 127.0.0.1
bridge link
bridge link show dev vpa
bridge -d link show dev vpa
bridge fdb show br br0
bridge fdb show dev vpa
bridge fdb add 02:00:00:00:09:09 dev vpa master static
bridge fdb show dev vpa
bridge fdb add 02:00:00:00:09:09 dev vpa master static
bridge fdb replace 02:00:00:00:09:09 dev vpb master static
bridge fdb show dev vpb
bridge fdb del 02:00:00:00:09:09 dev vpb master
bridge fdb del 02:00:00:00:09:09 dev vpb master
bridge fdb add 02:00:00:00:09:0a dev vpa master
bridge fdb show dev vpa
bridge fdb add 02:00:00:00:09:0b dev vpa
bridge fdb show dev vpa
bridge -j fdb show dev vpa
bridge fdb add 02:00:00:00:09:0c dev nope master static
bridge fdb add zz dev vpa master static
bridge fdb show dev nope
bridge link show dev nope
bridge foo
bridge fdb foo
bridge -x fdb
