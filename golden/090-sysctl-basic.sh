# sysctl read/write forms: one and several keys, -n, -w, -q, key=value without -w, slash paths, per-device keys appearing with devices, conf.default inherited by new devices
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
sysctl net.ipv4.ip_forward
sysctl -n net.ipv4.ip_forward
sysctl net.ipv4.ip_forward net.ipv4.ip_default_ttl
sysctl -n net.ipv4.conf.lo.rp_filter net.ipv4.ip_default_ttl
sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.ip_forward
sysctl -q -w net.ipv4.ip_forward=0
sysctl -n net.ipv4.ip_forward
sysctl net.ipv4.ip_forward=1
sysctl -w net.ipv4.ip_default_ttl=32 net.ipv4.conf.all.rp_filter=1
sysctl net/ipv4/ip_default_ttl
sysctl -w net/ipv4/ip_default_ttl=64
sysctl net.ipv4.conf.veth0.rp_filter
sysctl -w net.ipv4.conf.default.rp_filter=2
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
sysctl net.ipv4.conf.veth0.rp_filter net.ipv4.conf.veth1.rp_filter net.ipv4.conf.lo.rp_filter
sysctl net.ipv4.conf.veth0.forwarding
sysctl -w net.ipv4.conf.veth0.rp_filter=0
sysctl net.ipv4.conf.veth0.rp_filter
sysctl net.ipv4.ping_group_range
sysctl net.ipv4.neigh.veth0.base_reachable_time_ms
sysctl net.ipv4.icmp_echo_ignore_all
sysctl -n net.ipv6.conf.veth0.disable_ipv6
sysctl -e net.ipv4.nope
sysctl -e -q -w net.ipv4.nope=1
