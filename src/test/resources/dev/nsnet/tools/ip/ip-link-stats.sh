# -s counters in human-readable and JSON forms after real traffic
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns exec n1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02 netns n1
ip addr add 10.0.0.1/24 dev v0
ip -n n1 addr add 10.0.0.2/24 dev v1
ip link set v0 up
ip -n n1 link set v1 up
ping -q -c 2 127.0.0.1
ping -q -c 3 -i 0.2 -s 1400 10.0.0.2
ip -s link show v0
ip -s -h link show v0
ip -s -s -h link show v0
ip -s -iec -h link show v0
ip -s -s -j link show v0
ip -n n1 -s -s link show v1
ip -o -s link show v0
ip -s -br link show v0
