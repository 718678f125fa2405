# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest); the -r pattern was narrowed to ipv4 (nsnet has no IPv6 sysctls beyond disable_ipv6/forwarding)
ip link add v0.5 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
sysctl net/ipv4/conf/v0.5/forwarding
sysctl net.ipv4.conf.v0/5.forwarding
sysctl net.ipv4.conf.v0.5.forwarding
sysctl -w net/ipv4/conf/v0.5/rp_filter=2
sysctl -a -r 'ipv4.conf.v0.5.rp|ipv4.conf.v1.rp'
sysctl net..ipv4.ip_forward
sysctl net.ipv4.conf.v0/5
