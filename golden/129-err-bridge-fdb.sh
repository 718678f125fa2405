# bridge fdb and bridge link errors: missing arguments, bad MACs, non-ports with master, absent entries, out-of-range port settings, unknown keywords
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add vpa address 02:00:00:00:01:01 type veth peer name pa address 02:00:00:00:02:01
ip link set vpa master br0
bridge fdb add
bridge fdb add 02:00:00:00:09:01
bridge fdb add dev vpa
bridge fdb add 02:00:00:00:09 dev vpa master static
bridge fdb add 02:00:00:00:09:01 dev veth0 master static
bridge fdb add 02:00:00:00:09:01 dev vpa master static frobnicate
bridge fdb add 02:00:00:00:09:01 dev vpa master static vlan 5
bridge fdb add 02:00:00:00:09:01 dev vpa master static vlan abc
bridge fdb del 02:00:00:00:09:01 dev vpa master
bridge fdb del 02:00:00:00:09:02 dev vpa
bridge fdb del 02:00:00:00:01:01 dev vpa master
bridge fdb show dev vpa
bridge fdb add 01:00:5e:00:00:05 dev vpa master static
bridge fdb add 00:00:00:00:00:00 dev vpa master static
bridge fdb add 02:00:00:00:09:03 dev br0 self permanent
bridge fdb show dev br0
bridge link set dev vpa cost 0
bridge link set dev vpa cost 7
bridge link set dev vpa priority 64
bridge link set dev vpa priority 5
bridge link set dev vpa state 9
bridge link set dev vpa learning maybe
bridge link set dev vpa hairpin on
bridge link set dev veth0 cost 5
bridge link set dev nope cost 5
bridge link set cost 5
bridge link show dev vpa
bridge -d link show dev vpa
bridge link sett dev vpa
bridge fdb shw
bridge vlan add vid 5 dev nope
bridge vlan add vid 5000 dev vpa
