# bridge -j / -j -p for fdb and link, bridge -d link, bridge fdb show br / brport / dev filters, bridge vlan show on a non-filtering bridge
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add vpa address 02:00:00:00:01:01 type veth peer name pa address 02:00:00:00:02:01
ip link add vpb address 02:00:00:00:01:02 type veth peer name pb address 02:00:00:00:02:02
ip link set vpa master br0
ip link set vpb master br0
ip link set br0 up
ip link set vpa up
ip link set pa up
ping -q -c 2 127.0.0.1
bridge -j link
bridge -j -p link show dev vpa
bridge -d link
bridge -d -j link show dev vpb
bridge fdb add 02:00:00:00:09:01 dev vpa master static
bridge -j fdb show br br0
bridge -j -p fdb show dev vpa
bridge fdb show brport vpb
bridge fdb show br br0 brport vpa
bridge fdb show br nope
bridge fdb show dev vpa static
bridge vlan show
bridge -j vlan show
bridge vlan show dev vpa
