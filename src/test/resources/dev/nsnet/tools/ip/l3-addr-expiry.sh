# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 up
ip link set veth1 up
ip addr add 10.0.0.1/24 dev veth0 valid_lft 100 preferred_lft 2
ip addr add 10.0.0.2/24 dev veth0 valid_lft 3 preferred_lft 3
ip addr add 10.1.0.1/24 dev veth0 valid_lft 3
ip addr add 10.2.0.1/24 dev veth0 valid_lft 3 preferred_lft 2
ping -q -c 3 127.0.0.1
ping -q -c 3 127.0.0.1
ip addr show dev veth0
ip -j addr show dev veth0
ip route show table all
