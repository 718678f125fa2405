# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 address 02:00:00:00:00:04
ip link set veth0 up
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
sysctl -q -w net.ipv4.conf.veth0.promote_secondaries=1
ip addr add 10.0.0.1/24 brd + dev veth0
ip addr add 10.0.0.5/24 brd + dev veth0
ip addr add 10.0.0.6/24 dev veth0
ip addr add 10.0.0.1/24 dev veth2
ip addr add 10.3.0.1/32 dev veth2
ip addr add 10.4.0.1/31 dev veth2
ip addr add 10.5.0.1/24 dev veth2 scope link
ip route add 10.9.0.0/16 via 10.0.0.2 dev veth0
ip route add 10.8.0.0/16 dev veth0 src 10.0.0.1
ip route show table all
ip addr del 10.0.0.1/24 dev veth0
ip addr show dev veth0
ip route show table all
ip addr del 10.0.0.6/24 dev veth0
ip route show table all
ip route get 10.5.0.9
ip route get 10.4.0.0
ip route add 10.20.0.0/16 dev veth2 scope link
ip route get 10.20.0.1
ip route add 10.21.0.0/16 via 10.4.0.0
ip route get 10.21.0.1
ip route add broadcast 10.30.0.255 dev veth2
ip route add local 10.31.0.0/24 dev lo
ip route get 10.31.0.77
ip route show table local
ip route del broadcast 10.30.0.255 dev veth2
ip route del local 10.31.0.0/24
ip route replace 10.4.0.0/31 dev veth2 proto kernel scope link src 10.4.0.1 metric 5
ip route show
ip addr flush dev veth2 primary
ip addr show dev veth2
ip route show table all
ip addr add 10.7.0.1/24 dev veth0
ip addr add 10.7.0.2/24 dev veth0
ip addr flush dev veth0 secondary
ip addr show dev veth0
