# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 up
ip addr add 10.0.0.1 peer 10.0.0.2/32 dev veth0
ip addr add 10.5.0.1/24 dev veth0 noprefixroute
ip addr add 10.6.0.1/24 dev veth0 metric 50
ip addr add 10.7.0.1/24 brd - dev veth0
ip addr add 10.8.0.1/31 brd + dev veth0
ip addr add 127.0.0.2/8 dev lo
ip addr show dev veth0
ip -j addr show dev veth0
ip route show table all
ip addr replace 10.6.0.1/24 dev veth0 metric 60
ip route show
ip addr change 10.9.9.9/24 dev veth0
ip addr add 10.0.0.1/24 dev veth0 label foo
ip addr show dev lo
ip addr show scope host
ip addr show dev veth0 to 10.5.0.0/16
ip -o -4 addr show up
ip addr flush
ip addr show dev veth0 bogus
ip addr add 10.10.0.1/24 dev veth0 scope 300
ip addr del 10.6.0.1/24 dev veth0 label nope
ip -s addr flush dev veth0 to 10.7.0.0/16
ip -4 addr add 10.0.0.9/24 dev veth0 brd 10.0.0.300
ip route add 10.20.0.0/16 dev veth0 proto 250 scope host
ip route add local 10.30.0.1 dev veth0
ip route add 10.40.0.0/16 via 10.0.0.2 src 10.6.0.1
ip route show
ip route show table local type local dev veth0
ip route flush table main proto 250
ip route del local 10.30.0.1 dev veth0
ip route get 10.40.0.1
ip route get 10.40.0.1 mark 0x20
ip route add 10.41.0.0/16 via 10.0.0.2 metric 5 table 7
ip -d route show table 7
ip route add 10.0.0.0/8 via 10.9.9.9 dev veth0 onlink scope link
ip route add blackhole 10.42.0.0/16 dev veth0
ip route add 10.43.0.0/16 via 10.0.0.2 scope host
