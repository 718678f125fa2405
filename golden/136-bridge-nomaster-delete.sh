# leaving a bridge: nomaster (twice), a port's flags and fdb afterwards, deleting a bridge with ports frees them (still up, no master), addresses on a port, deleting a port keeps the bridge
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add vpa address 02:00:00:00:01:01 type veth peer name pa address 02:00:00:00:02:01
ip link add vpb address 02:00:00:00:01:02 type veth peer name pb address 02:00:00:00:02:02
ip link set vpa master br0
ip link set vpb master br0
ip addr add 10.0.0.1/24 dev br0
ip addr add 10.9.0.1/24 dev vpb
ip link set br0 up
ip link set vpa up
ip link set vpb up
ip link set pa up
ip link set pb up
ping -q -c 2 127.0.0.1
ip link show master br0
ip route
ip link set dev vpa nomaster
ip link set dev vpa nomaster
ip link show vpa
bridge fdb show dev vpa
bridge link
ip link del br0
ping -q -c 2 127.0.0.1
ip link show vpb
ip addr show dev vpb
bridge link
ip link show master br0
ip route
ip link set vpb master br0
