# a bridge created without an address takes the lowest MAC of its ports, follows port changes (add lower, remove lowest, change a port MAC) until an address is set explicitly; then it keeps it
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add br0 type bridge
ip link add vpa address 02:00:00:00:00:50 type veth peer name pa address 02:00:00:00:01:50
ip link add vpb address 02:00:00:00:00:30 type veth peer name pb address 02:00:00:00:01:30
ip link add vpc address 02:00:00:00:00:70 type veth peer name pc address 02:00:00:00:01:70
ip link set vpa master br0
ip -br link show br0
ip link set vpc master br0
ip -br link show br0
ip link set vpb master br0
ip -br link show br0
ip link set vpb nomaster
ip -br link show br0
ip link set vpa address 02:00:00:00:00:90
ip -br link show br0
ip link set vpc address 02:00:00:00:00:10
ip -br link show br0
ip link set br0 address 02:00:00:00:00:99
ip link set vpb master br0
ip -br link show br0
ip link set vpc nomaster
ip link set vpb nomaster
ip -br link show br0
ip link set vpa nomaster
ip -br link show br0
bridge fdb show br br0 self
ip link add br1 type bridge
ip link set vpb master br1
ip -br link show br1
ip link set vpb nomaster
ip -br link show br1
