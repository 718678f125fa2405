# large pings without -M are fragmented and reassembled: sizes across a veth and through a router, packet counters show the fragments; an MTU mismatch between veth ends drops big frames
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1/24 dev veth0
ip -n a addr add 10.0.0.2/24 dev eth0
ip link set veth0 up
ip -n a link set eth0 up
ip -n a link set lo up
ping -q -c 2 127.0.0.1
ping -c 1 -s 3000 10.0.0.2
ip -s link show veth0
ping -c 1 -s 8972 10.0.0.2
ping -c 1 -s 65507 -q 10.0.0.2
ip -n a link set eth0 mtu 9000
ip link set veth0 mtu 9000
ping -c 1 -s 8972 -M do 10.0.0.2
ip -n a link set eth0 mtu 1500
ping -c 1 -W 1 -s 2000 -M do 10.0.0.2
ping -c 1 -W 1 -s 1000 10.0.0.2
