# ip link options of bridges and ports (no ageing_time change and no bridge up: the gc timer stays 0.00)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add br0 address 02:00:00:00:0b:00 type bridge forward_delay 400 priority 100
ip -d link show br0
ip link add v1 address 02:00:00:00:00:11 mtu 1400 type veth peer name v1p address 02:00:00:00:01:01
ip link add v2 address 02:00:00:00:00:02 type veth peer name v2p address 02:00:00:00:01:02
ip link set v1 master br0
ip link show br0
ip link set v2 master br0
ip link set v2 mtu 1300
ip link show br0
ip link set br0 mtu 1450
ip link show br0
ip link set v2 mtu 1500
ip link show br0
ip -d link show v1
ip link set v1 type bridge_slave cost 7 priority 3 learning off
bridge link show dev v1
ip link set br0 type bridge stp_state 1 hello_time 50
ip link set br0 type bridge hello_time 300 max_age 1000 group_fwd_mask 8 stp_state 1
ip link set br0 type bridge stp_state 0
ip -d link show br0
ip -d -j link show br0
ip link add br2 type bridge vlan_filtering 1
ip link add br2 type bridge ageing_time abc
ip link add br2 type bridge foo
ip link show br2
ip link add br2 type bridge forward_delay 1
ip link set br2 address 02:00:00:00:0c:00
bridge fdb show br br2
ip link set v2 nomaster
ip link set v2 master br2
bridge fdb show br br2
ip link set br2 mtu 9000
ip link show br2
