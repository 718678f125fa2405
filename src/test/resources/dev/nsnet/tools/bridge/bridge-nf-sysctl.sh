# br_netfilter's per-namespace sysctls (the reference host loads br_netfilter)
sysctl net.bridge.bridge-nf-call-iptables
sysctl -w net.bridge.bridge-nf-call-iptables=5
sysctl net.bridge.bridge-nf-call-iptables
sysctl -w net.bridge.bridge-nf-call-iptables=-1
sysctl net.bridge.bridge-nf-call-iptables
sysctl -w net.bridge.bridge-nf-call-iptables=abc
sysctl -w net.bridge.bridge-nf-filter-vlan-tagged=3
sysctl net.bridge.bridge-nf-filter-vlan-tagged
sysctl -w net.bridge.bridge-nf-call-iptables=0
ip netns add x
ip netns exec x sysctl net.bridge.bridge-nf-call-iptables
sysctl net.bridge
