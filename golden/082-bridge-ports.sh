# bridge port handling: a port down is 'disabled', the bridge MTU follows its smallest port, bridge address stays pinned, a port cannot join two bridges or be a bridge itself
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add br1 address 02:00:00:00:01:10 type bridge
ip link add vpa address 02:00:00:00:01:01 type veth peer name pa address 02:00:00:00:02:01
ip link add vpb address 02:00:00:00:01:02 mtu 1400 type veth peer name pb address 02:00:00:00:02:02
ip link set vpa master br0
ip link show br0
ip link set vpb master br0
ip link show br0
ip link set br0 up
ip link set vpa up
ip link set vpb up
ip link set pa up
ping -q -c 2 127.0.0.1
bridge link
ip link show br0
ip link set vpb master br1
bridge link
ip link set br1 master br0
ip link set br0 master br0
ip link set vpa nomaster
ip link set vpa nomaster
ip link show vpa
ip link set br0 mtu 1500
ip link show br0
ip link set br0 mtu 9000
