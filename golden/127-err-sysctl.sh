# sysctl edge cases: read-only keys, bad/empty/negative/multi-word values, -w without =, a directory as a key, -a --pattern and -r for one device, -N/-b, -p of a missing file, partial failures, ping_group_range
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
sysctl -w net.ipv4.conf.all.mc_forwarding=1
sysctl -w net.ipv4.tcp_available_congestion_control=reno
sysctl net.ipv4.conf.all.mc_forwarding
sysctl -w net.ipv4.ip_forward=
sysctl -w net.ipv4.ip_forward=2
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding
sysctl -w net.ipv4.ip_forward=-1
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=1x
sysctl -w net.ipv4.ip_forward="1 2"
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward
sysctl -w =1
sysctl -w net.ipv4.conf.veth0.mtu=1
sysctl net.ipv4.conf.veth0
sysctl net.ipv4.neigh.veth0
sysctl -a --pattern 'net.ipv4.conf.veth0'
sysctl -a --pattern '^net.ipv4.neigh.veth1.(retrans|ucast|mcast)'
sysctl -a -r 'ipv4.conf.lo.(forwarding|rp_filter)$'
sysctl -N net.ipv4.ip_forward
sysctl -b net.ipv4.ip_default_ttl
sysctl -p /nonexistent.conf
sysctl net/ipv4/conf/veth1/forwarding
sysctl -w net.ipv4.conf.veth1.forwarding=1 net.ipv4.conf.nope.forwarding=1
sysctl net.ipv4.conf.veth1.forwarding net.ipv4.conf.veth0.forwarding
sysctl -w net.ipv4.ping_group_range="0 2147483647"
sysctl net.ipv4.ping_group_range
sysctl -w net.ipv4.ping_group_range=5
sysctl net.ipv4.ping_group_range
sysctl -w net.ipv4.ip_default_ttl=64 net.ipv4.ip_forward
