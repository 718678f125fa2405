# the net.netfilter conntrack sysctls of a fresh non-initial namespace (nf_conntrack loaded on the host): defaults, the read-only ones (max, buckets, count, expect_max: "Invalid argument", exit 0), ranges, no net.nf_conntrack_max outside init_net, per-namespace values
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -a --pattern 'net.netfilter.nf_conntrack'
sysctl net.netfilter.nf_conntrack_max net.netfilter.nf_conntrack_count
sysctl -w net.netfilter.nf_conntrack_max=4
sysctl -w net.netfilter.nf_conntrack_buckets=4
sysctl -w net.netfilter.nf_conntrack_count=4
sysctl -w net.netfilter.nf_conntrack_expect_max=4
sysctl net.nf_conntrack_max
sysctl -w net.nf_conntrack_max=4
sysctl -w net.netfilter.nf_conntrack_udp_timeout=10
sysctl -w net.netfilter.nf_conntrack_tcp_timeout_established=abc
sysctl -w net.netfilter.nf_conntrack_tcp_loose=2
sysctl -w net.netfilter.nf_conntrack_tcp_loose=0
sysctl -w net.netfilter.nf_conntrack_events=3
sysctl -w net.netfilter.nf_conntrack_log_invalid=255
sysctl -w net.netfilter.nf_conntrack_acct=1
ip netns add x
ip netns exec x sysctl net.netfilter.nf_conntrack_udp_timeout net.netfilter.nf_conntrack_tcp_loose
sysctl net.netfilter.nf_conntrack_udp_timeout net.netfilter.nf_conntrack_tcp_loose
sysctl net.netfilter.nf_log.2
