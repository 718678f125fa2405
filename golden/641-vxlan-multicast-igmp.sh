# vxlan group mode: opening vx0 joins 239.1.1.1 on the lower device u0, which sends two IGMPv3
# membership reports (CHANGE_TO_EXCLUDE, robustness 2) to 224.0.0.22; stopping it leaves the group
# with two CHANGE_TO_INCLUDE reports. A second vxlan device on the same group shares the membership.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns add n2
ip netns exec n1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n1 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip -n n1 link add u0 address 02:00:00:00:00:01 type veth peer name u0 address 02:00:00:00:00:02 netns n2
ip -n n1 addr add 192.168.1.1/24 dev u0
ip -n n2 addr add 192.168.1.2/24 dev u0
ip -n n1 link set u0 up
ip -n n2 link set u0 up
ip -n n1 link add vx0 address 02:00:00:00:01:01 type vxlan id 42 group 239.1.1.1 dev u0 dstport 4789
ip -n n1 link add vx1 address 02:00:00:00:01:11 type vxlan id 43 group 239.1.1.1 dev u0 dstport 4789
sleep 1
ip netns exec n2 tcpdump -n -t -v -i u0 igmp &
sleep 0.5
ip -n n1 link set vx0 up
sleep 2
ip -n n1 link set vx1 up
ip -n n1 -4 maddr show dev u0
sleep 2
ip -n n1 link set vx0 down
ip -n n1 -4 maddr show dev u0
sleep 2
ip -n n1 link set vx1 down
ip -n n1 -4 maddr show dev u0
sleep 2
kill %1
wait
ip -n n1 link set vx0 up
ip -n n1 link set vx0 type vxlan group 239.2.2.2 dev u0
ip -n n1 -4 maddr show dev u0
ip -n n1 link del vx0
ip -n n1 -4 maddr show dev u0
