# bridge basics: MAC selection, fdb listing, bridge link
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add br0 type bridge
ip link add vb address 02:00:00:00:00:0b type veth peer name vb2 address 02:00:00:00:00:b2
ip link add va address 02:00:00:00:00:0a type veth peer name va2 address 02:00:00:00:00:a2
ip link set vb master br0
ip link show br0
ip link set va master br0
ip link show br0
bridge fdb show
bridge link
bridge link show dev va
bridge -j link
ip link set br0 up
ip link show br0
bridge fdb show
ip link set va up
ip link set va2 up
ip link show br0
bridge link
bridge fdb show br br0
bridge fdb show brport va
bridge -j -p fdb show dev va
bridge -d link show
bridge -s fdb show br br0
ip link set vb nomaster
ip link show br0
bridge fdb show
ip link set br0 down
bridge link
ip link show br0
ip link set br0 up
bridge link
ip link show va
ip link del br0
ip link show va
bridge fdb show
