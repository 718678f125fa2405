# An address delete on a device whose IPv4 is gone (MTU below 68 removes the in_device): 'ipv4: Device not found' (fuzz seed 19585)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n a link set lo mtu 67
ip -n a addr del 10.0.2.7/24 dev lo
ip -n a link set lo mtu 1500
ip -n a addr del 10.0.2.7/24 dev lo
ip -n a addr show dev lo
