# fuzz generator v7 seed 29: what `ip link set DEV type vxlan ...` may change on a live device and the
# kernel's extack for what it may not; a new remote moves the default fdb destination, `dev` does not
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add eth0 address 02:00:00:77:00:01 type veth peer name eth1 address 02:00:00:77:00:02
ip addr add 192.168.77.1/24 dev eth0
ip link add vx0 address 02:00:00:77:01:01 type vxlan id 42 remote 192.168.77.2 dstport 4789 dev eth0 ttl 64
ip link set vx0 type vxlan id 99
ip link set vx0 type vxlan id 42
ip link set vx0 type vxlan dstport 8472
ip link set vx0 type vxlan dstport 4789
ip link set vx0 type vxlan srcport 1000 2000
ip link set vx0 type vxlan maxaddress 3
ip link set vx0 type vxlan noudpcsum
ip link set vx0 type vxlan l2miss
ip link set vx0 type vxlan proxy
ip link set vx0 type vxlan ttl inherit
ip link set vx0 type vxlan flowlabel 5
ip link set vx0 type vxlan group 239.1.1.1
bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.77.5
ip link set vx0 type vxlan remote 192.168.77.3
bridge fdb show dev vx0
ip link set vx0 type vxlan local 192.168.77.9
ip link set vx0 type vxlan dev lo
ip link set vx0 type vxlan nolearning tos 0x10 ageing 100 df set ttl 5
ip -d link show vx0
bridge fdb show dev vx0
ip link set vx0 type vxlan learning
ip -j -d link show vx0
ip link add vx1 address 02:00:00:77:01:02 type vxlan id 43 dstport 4789 ttl inherit
ip link set vx1 type vxlan ttl inherit
ip link set vx1 type vxlan ttl 5
ip -d link show vx1
ip link set vx1 type vxlan remote 192.168.77.2
bridge fdb show dev vx1
