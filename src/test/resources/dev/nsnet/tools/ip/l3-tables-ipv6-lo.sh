# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest)
ip link set lo up
ip route show table default
ip route show table 253
ip -6 addr
ip -6 route
ip -6 route show table all
ip addr
ip -br addr
ip -j addr show lo
ip route show table all
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip addr show lo
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 up
ip link set veth1 up
ip addr add 10.0.0.1/24 dev veth0
ip route add 10.1.0.0/16 via 10.0.0.2 table 1000
ip route add 10.2.0.0/16 via 10.0.0.2 table 232
ip route add 10.3.0.0/16 via 10.0.0.2 table 5
ip route show table all type unicast
ip rule add from 10.9.0.0/16 table 300
ip route show table 300
ip route get 10.1.0.1 from 10.9.0.1
ip route get 10.0.0.1
ip route add 10.4.0.0/16 via 10.0.0.2 table 300
ip route get 10.4.0.1 from 10.9.0.1
ip route flush table 301
ip addr del 10.0.0.1/24 dev nope
ip addr add 10.0.0.1/24 dev veth0 label foo:1
ip addr add 300.0.0.1/24 dev veth0
ip addr add 1.2.3.4/24 dev veth0 peer 5.6.7.8/24
ip addr show veth0
ip route show table local
ip route show table main
