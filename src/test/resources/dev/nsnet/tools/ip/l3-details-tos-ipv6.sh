# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 up
ip link set veth1 up
ip addr add 10.0.0.1/24 dev veth0
ip route add 10.5.0.0/16 via 10.0.0.2 metric 7 proto static
ip route add blackhole 10.6.0.0/16
ip -d route show table all
ip -d -j route show
ip -d rule
ip -j -d rule show pref 0
ip rule add from 1.2.3.4 lookup 5 proto static
ip rule
ip -d route get 10.5.1.1
ip route get 10.5.1.1 connected
sysctl -w net.ipv6.conf.all.forwarding=1
sysctl net.ipv6.conf.veth0.forwarding net.ipv6.conf.default.forwarding
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 address 02:00:00:00:00:04
sysctl net.ipv6.conf.veth2.forwarding net.ipv6.conf.veth2.disable_ipv6
ip route add 10.7.0.0/16 via 10.0.0.2 tos 0x10
ip route show 10.7.0.0/16
ip -j route show 10.7.0.0/16
ip route get 10.7.1.1 tos 0x10
ip route del 10.7.0.0/16
ip route del 10.7.0.0/16 tos 0x10
