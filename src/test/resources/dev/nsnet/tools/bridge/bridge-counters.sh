# counters: the bridge device counts what it passes up to the host (without the Ethernet header);
# ports count as plain veths. (No address on br0: with one, the kernel's IGMP reports for the
# bridge's snooping group 224.0.0.106 go out through the ports, and IGMP is not modelled.)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add pa
ip netns add pb
ip netns exec pa sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pb sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add vpa address 02:00:00:00:01:01 type veth peer name eth0 address 02:00:00:00:02:01 netns pa
ip link add vpb address 02:00:00:00:01:02 type veth peer name eth0 address 02:00:00:00:02:02 netns pb
ip link set vpa master br0 up
ip link set vpb master br0 up
ip -n pa addr add 10.244.0.2/24 dev eth0
ip -n pb addr add 10.244.0.3/24 dev eth0
ip -n pa link set eth0 up
ip -n pb link set eth0 up
ip link set br0 up
ping -q -c 2 127.0.0.1
ip -s link show br0
ip -s link show vpa
ip netns exec pa ping -c 2 -i 0.2 10.244.0.3
ip -s link show br0
ip -s link show vpa
ip -s link show vpb
