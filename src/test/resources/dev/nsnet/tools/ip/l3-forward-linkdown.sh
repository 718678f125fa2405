# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 address 02:00:00:00:00:04
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.1.0.1/24 dev veth2
ip addr add 10.1.0.3/24 dev veth3
ip link set veth0 up
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
sysctl -q -w net.ipv4.ip_forward=1
ip route get 10.0.0.1 from 10.1.0.2 iif veth3
ip route get 10.0.0.255 from 10.1.0.2 iif veth3
ip route get 10.0.0.7 from 10.1.0.2 iif veth3
ip -j route get 10.0.0.7 from 10.1.0.2 iif veth3
ip route get 8.8.8.8 from 10.1.0.2 iif veth3
ip route add default via 10.0.0.2
ip route get 8.8.8.8 from 10.1.0.2 iif veth3
ip route get 8.8.8.8 from 10.1.0.2 iif veth3 mark 3
ip route get 10.1.0.3
ip route get 10.1.0.3 from 10.1.0.1
ip route get 10.0.0.7 oif veth2
ip route get 0.0.0.0
ip route get 224.0.0.1
ip route add via 10.0.0.2
ip route del
ip route add default dev veth0 metric 7
ip route prepend 10.9.0.0/16 via 10.0.0.2
ip route prepend 10.9.0.0/16 via 10.0.0.3
ip route test 10.9.0.0/16 via 10.0.0.4
ip route add 10.11.0.0/16 tos 0x10 via 10.0.0.2
ip -o route
ip -j route show 10.9.0.0/16
ip route show cache
ip route flush cache
ip route show table all scope host
ip route show table all dev lo
ip -br -4 addr
ip addr add 10.0.0.9/24 dev veth0 label veth0:9
ip link set veth0 name eth0
ip addr show dev eth0
ip addr show label 'eth0:*'
ip link set veth1 down
ip route show
sysctl -w net.ipv4.conf.eth0.ignore_routes_with_linkdown=1
ip route show
ip route get 10.0.0.7
ip link set veth1 up
ip link set eth0 down
ip route show table all
ip link set eth0 up
ip route show
ip netns add n
ip link set veth3 netns n
ip -n n addr
ip route show table local
ip link del veth2
ip route show table all
