# veth pair in one netns: creation order/ifindex (peer first), @peer suffix, M-DOWN, NO-CARRIER/LOWERLAYERDOWN, qdisc noop -> noqueue, carrier follows the peer
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link show
ip link show veth0
ip link show dev veth1
ip link set veth0 up
ping -q -c 2 127.0.0.1
ip link show veth0
ip link show veth1
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip link show
ip link set veth1 down
ping -q -c 2 127.0.0.1
ip link show veth0
ip link show veth1
ip link set veth0 down
ping -q -c 2 127.0.0.1
ip link show
