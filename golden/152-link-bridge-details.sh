# bridge and bridge-port details: ip -d for a down bridge created with options, ip -d -j -p for a port, a partly failing ip link set type bridge, type bridge_slave filters, bridge options set at creation and with ip link set type bridge, ip -br link show master
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add br0 address 02:00:00:00:01:00 type bridge stp_state 0 priority 100 forward_delay 400 max_age 1000
ip link add vpa address 02:00:00:00:01:01 type veth peer name pa address 02:00:00:00:02:01
ip link set vpa master br0
ip -d link show br0
ip link set br0 type bridge ageing_time 1000 hello_time 300 mcast_snooping 0 vlan_filtering 0
ip -d -j -p link show vpa
ip link show type bridge_slave
ip -br link show type bridge_slave
ip -br link show master br0
ip link show type bridge
ip link set br0 type bridge priority 70000
ip link set br0 type bridge forward_delay 1
ip link set br0 type bridge nope 1
ip link add br1 address 02:00:00:00:01:10 type bridge ageing_time abc
