# the fresh world: the root netns has only lo (DOWN, qdisc noop), no addresses/routes/neighbours/netns, the three default rules, default sysctls; ping before lo is up
ip link show
ip addr show
ip route show
ip route show table all
ip rule show
ip neigh show
ip netns list
sysctl net.ipv4.ip_forward
sysctl net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.lo.forwarding
sysctl net.ipv4.conf.all.rp_filter net.ipv4.conf.default.rp_filter net.ipv4.conf.lo.rp_filter
sysctl net.ipv4.ip_default_ttl
sysctl net.ipv6.conf.all.disable_ipv6
sysctl net.ipv4.conf.all.promote_secondaries
sysctl net.bridge.bridge-nf-call-iptables
ping -c 1 -W 1 127.0.0.1
