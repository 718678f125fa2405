# vxlan odds and ends: show type filter and -br, help texts, parse errors of every value, external/vnifilter checks, MTU clamped at creation but refused by set (lower MTU changes do not propagate), deleting the lower deletes every vxlan on it, bridge fdb value errors
ip link add vx0 address 02:00:00:00:01:01 type vxlan id 42 dstport 4789
ip link add d0 address 02:00:00:00:00:09 type veth peer name d1 address 02:00:00:00:00:0a
ip link add vx1 address 02:00:00:00:01:02 type vxlan id 43 dstport 4789 dev d0 remote 10.0.0.2
ip link show type vxlan
ip -br link show type vxlan
ip link help vxlan
ip link add vx2 type vxlan help
ip link add vx2 type vxlan id 44 dstport 4789 local 224.1.1.1
ip link add vx2 type vxlan id 44 dstport 4789 remote foo
ip link add vx2 type vxlan id 44 dstport 4789 ttl x
ip link add vx2 type vxlan id 44 dstport 4789 tos zz
ip link add vx2 type vxlan id 44 dstport 4789 df maybe
ip link add vx2 type vxlan id 44 dstport 4789 srcport 10
ip link add vx2 type vxlan id 44 dstport 4789 ageing x
ip link add vx2 type vxlan id 44 dstport 70000
ip link add vx2 type vxlan id 44 dstport 4789 external
ip link add vx2 type vxlan dstport 4789 vnifilter
ip link add vx2 type vxlan dstport 4789 novnifilter
ip link add vx2 type vxlan id 44 dstport 4789 gbp gbp
ip link add vx2 address 02:00:00:00:01:03 mtu 9000 type vxlan id 44 dstport 4789 dev d0
ip link add vx2 address 02:00:00:00:01:03 mtu 1400 type vxlan id 44 dstport 4789 dev d0
ip -d link show vx2
ip link set d0 mtu 1400
ip link show vx1
ip link set vx1 mtu 1400
ip link set vx1 mtu 1350
ip link del d0
ip link show type vxlan
bridge fdb add 02:00:00:00:00:01 dev vx0 dst 10.0.0.1 via nosuch
bridge fdb add 02:00:00:00:00:01 dev vx0 dst 10.0.0.1 port 99999
bridge fdb add 02:00:00:00:00:01 dev vx0 dst 10.0.0.1 vni 16777216
bridge fdb add 02:00:00:00:00:01 dev vx0 dst foo
bridge -j -p fdb show dev vx0
