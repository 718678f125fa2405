# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 up
ip link set veth1 up
ip addr add 10.0.0.1/24 dev veth0 valid_lft 100 preferred_lft 3
ip addr add 10.0.0.2/24 dev veth0 valid_lft 4 preferred_lft 4
ip addr add 10.0.0.3/24 dev veth0 valid_lft 100
ip addr add 10.0.0.4/24 dev veth0 preferred_lft 0
ip addr add 10.0.0.5/24 dev veth0 valid_lft forever preferred_lft 50
ip addr show dev veth0
ip -j addr show dev veth0
ping -q -c 2 127.0.0.1
ip addr show dev veth0
ping -q -c 2 127.0.0.1
ping -q -c 2 127.0.0.1
ip addr show dev veth0
ip route show table all
ip addr replace 10.0.0.1/24 dev veth0
ip addr change 10.0.0.3/24 dev veth0 valid_lft 200 preferred_lft 100
ip addr show dev veth0
ip addr add 10.0.0.9/24 dev veth0 valid_lft 0
