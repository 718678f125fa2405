# forwarding knobs: ip_forward mirrors conf.all.forwarding and sets every device's forwarding; per-device forwarding alone; a netns inherits nothing from its creator
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.veth0.forwarding net.ipv4.conf.lo.forwarding
sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.veth0.forwarding net.ipv4.conf.lo.forwarding
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 address 02:00:00:00:00:04
sysctl net.ipv4.conf.veth2.forwarding
sysctl -w net.ipv4.conf.veth0.forwarding=0
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.veth0.forwarding
sysctl -w net.ipv4.conf.all.forwarding=0
sysctl net.ipv4.ip_forward net.ipv4.conf.default.forwarding net.ipv4.conf.veth0.forwarding net.ipv4.conf.veth2.forwarding
sysctl -w net.ipv4.conf.default.forwarding=1
ip link add veth4 address 02:00:00:00:00:05 type veth peer name veth5 address 02:00:00:00:00:06
sysctl net.ipv4.ip_forward net.ipv4.conf.veth4.forwarding net.ipv4.conf.veth2.forwarding
sysctl -w net.ipv4.conf.all.rp_filter=1
ip netns add a
ip netns exec a sysctl net.ipv4.ip_forward net.ipv4.conf.all.rp_filter net.ipv4.conf.default.forwarding
