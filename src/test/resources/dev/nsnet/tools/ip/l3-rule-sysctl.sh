# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip rule add pref 200 from 10.0.0.0/8 table 10
ip rule add from 1.2.3.4 table 11
ip rule add not to 5.0.0.0/8 fwmark 0x10/0xff iif veth0 oif veth1 blackhole
ip rule add fwmark 7 unreachable
ip rule add from all prohibit
ip rule add from 1.2.3.4 table 11
ip rule add iif nope table 5
ip rule add table 0
ip rule add from 1.2.3.4 lookup main
ip rule
ip -j -p rule
ip rule show table 11
ip rule del table 11
ip rule del fwmark 9
ip rule del pref 0
ip rule
ip rule add
ip rule del
ip rule add pref 100 from 1.2.3.4 table 11
ip rule add pref 100 from 1.2.3.4 table 11
ip rule add from 1.2.3.0/33 table 11
ip rule add lookup 11 goto 3
ip rule flush
ip rule
ip route show table 10
ip route show table 1
sysctl net.ipv4.conf.veth0.forwarding net.ipv4.conf.veth0.rp_filter
sysctl -n net.ipv4.conf.lo.forwarding net.ipv4.ip_default_ttl
sysctl -N net.ipv4.ip_default_ttl
sysctl -w "net.ipv4.ip_default_ttl =  70 "
sysctl net.ipv4.ip_default_ttl.x
sysctl -w net.ipv4.conf.lo=1
sysctl -e net.ipv4.nope
sysctl -e -w net.ipv4.nope=1
sysctl net/ipv4/ip_forward
sysctl -qw net.ipv4.ip_forward=1
sysctl net.ipv4.conf.all.accept_redirects net.ipv4.conf.veth1.forwarding
sysctl -w net.ipv4.ping_group_range="0 2147483647"
sysctl net.ipv4.ping_group_range
sysctl -w net.ipv4.ip_local_port_range="1000 2000"
sysctl -w net.ipv4.tcp_available_congestion_control=reno
sysctl net.ipv4.route
sysctl -w net.ipv4.conf.default.rp_filter=2
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 address 02:00:00:00:00:04
sysctl net.ipv4.conf.veth0.rp_filter net.ipv4.conf.veth2.rp_filter
ip link set veth2 name eth9
sysctl net.ipv4.conf.eth9.rp_filter
sysctl net.ipv4.conf.veth2.rp_filter
sysctl net.ipv4.route.flush
sysctl -w net.ipv4.route.flush=1
sysctl -n net.ipv4.route.flush
sysctl net.ipv4.route
