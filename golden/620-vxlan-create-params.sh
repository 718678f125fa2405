# vxlan devices: defaults, every option of iproute2 6.1 that nsnet models, parse and kernel errors, ip -d / -j output, the UDP socket of an up device, MTU limits, fdb entries of a device without remote, changelink of ttl
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add vx0 address 02:00:00:00:0a:01 type vxlan id 42 dstport 4789
ip link set vx0 up
ss -uan
ip link add vx1 address 02:00:00:00:0a:02 type vxlan id 16777216 dstport 4789
ip link add vx1 address 02:00:00:00:0a:03 type vxlan id 1 id 2 dstport 4789
ip link add vx1 address 02:00:00:00:0a:04 type vxlan id 1 remote 239.1.1.1 dstport 4789
ip link add vx1 address 02:00:00:00:0a:05 type vxlan id 1 group 10.0.0.1 dstport 4789
ip link add vx1 address 02:00:00:00:0a:06 type vxlan id 1 remote 10.0.0.1 group 239.1.1.1 dstport 4789
ip link add vx1 address 02:00:00:00:0a:07 type vxlan id 1 dev nosuch dstport 4789
ip link add vx1 address 02:00:00:00:0a:08 type vxlan id 1 dstport 4789 ttl 300
ip link add vx1 address 02:00:00:00:0a:09 type vxlan id 1 dstport 4789 bogus
ip link add vx1 address 02:00:00:00:0a:0a type vxlan id 1 dstport
ip link add vx1 address 02:00:00:00:0a:0b type vxlan remote 10.0.0.1 dstport 4789
ip link add vx1 address 02:00:00:00:0a:0c type vxlan id 42 dstport 4789
ip link add vx1 address 02:00:00:00:0a:0d type vxlan id 43 dstport 0 ttl 10 tos 0x10 nolearning l2miss l3miss ageing 0 maxaddress 5 srcport 1000 2000 noudpcsum df set
ip -d link show vx1
ip -d -j link show vx1
ip link add vx2 address 02:00:00:00:0a:0e type vxlan id 44 dstport 4789 ttl inherit tos inherit df inherit local 10.1.1.1 ageing 20 learning
ip -d link show vx2
ip link add vx3 address 02:00:00:00:0a:0f type vxlan id 45 dstport 4789 dev vx0
ip link add vx3 address 02:00:00:00:0a:10 type vxlan id 45 dstport 4789 srcport 2000 1000
ip link add vx3 address 02:00:00:00:0a:11 type vxlan id 45 dstport 4789 local 10.0.0.1 remote 10.0.0.2 dev lo
ip -d link show vx3
ip link set vx3 mtu 65500
ip link set vx3 mtu 65486
ip link set vx0 mtu 65536
ip link set vx0 mtu 65535
ip link set vx0 mtu 65536
bridge fdb add 02:00:00:00:00:09 dev vx0
bridge fdb add 02:00:00:00:00:09 dev vx0 dst 10.0.0.9 dynamic
bridge fdb add 02:00:00:00:00:0a dev vx0 dst 10.0.0.10 static
bridge fdb add 02:00:00:00:00:0b dev vx0 dst 10.0.0.11 via lo
bridge fdb show dev vx0
bridge fdb replace 02:00:00:00:00:09 dev vx0 dst 10.0.0.12
bridge fdb replace 02:00:00:00:00:0c dev vx0 dst 10.0.0.12
bridge fdb add 02:00:00:00:00:0d dev vx0 dst 10.0.0.13 master
bridge fdb show dev vx0
bridge fdb del 02:00:00:00:00:0a dev vx0
bridge fdb show dev vx1
ip link set vx0 type vxlan ttl 5
ip -d link show vx0
