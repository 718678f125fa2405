# bridge carrier and operstate as ports come and go: no ports, a down port, an up port without carrier, a forwarding port, a second port, removing and deleting ports; port states in bridge link
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add vpa address 02:00:00:00:01:01 type veth peer name pa address 02:00:00:00:02:01
ip link add vpb address 02:00:00:00:01:02 type veth peer name pb address 02:00:00:00:02:02
ip link set br0 up
ping -q -c 2 127.0.0.1
ip -br link show br0
ip link set vpa master br0
ping -q -c 2 127.0.0.1
ip -br link show br0
bridge link
ip link set vpa up
ping -q -c 2 127.0.0.1
ip -br link show br0
bridge link
ip link set pa up
ping -q -c 2 127.0.0.1
ip -br link show br0
bridge link
ip link set vpb master br0
ip link set vpb up
ip link set pb up
ping -q -c 2 127.0.0.1
ip -br link
bridge link
ip link set pa down
ping -q -c 2 127.0.0.1
ip -br link show br0
bridge link
ip link set vpb nomaster
ping -q -c 2 127.0.0.1
ip -br link show br0
ip link set pa up
ping -q -c 2 127.0.0.1
ip -br link show br0
ip link del vpa
ping -q -c 2 127.0.0.1
ip -br link show br0
ip link show br0
bridge link
ip link set br0 down
ip link set vpb master br0
ping -q -c 2 127.0.0.1
ip -br link show br0
bridge link
