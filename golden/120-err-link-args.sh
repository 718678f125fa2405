# ip link errors for missing/wrong arguments: set without dev, lone keywords, unknown type, lo into a netns, deleting lo, typo'd keywords, bad values
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set
ip link set dev
ip link set veth0
ip link set veth0 mtu
ip link set veth0 address
ip link set veth0 name
ip link set veth0 master
ip link set veth0 netns
ip link set veth0 txqueuelen abc
ip link set veth0 upp
ip link sett veth0 up
ip link set veth0 mtu 1500 mtu 1400
ip link set dev veth0 dev veth1 up
ip link add x type nope
ip link add x address 02:00:00:00:00:05 type veth peer address 02:00:00:00:00:06
ip link add type veth peer name x0 peer name x1
ip link add name
ip link add x0 mtu 10 type veth peer name x1
ip link add x0 type veth peer name x0
ip link add x0 type bridge extra
ip link add
ip link set lo netns a
ip link del lo
ip link set lo down
ip link set lo up
ip link del
ip link del veth0 veth1
ip link delete dev
ip link show type nope
ip link show master nope
ip link show nope extra
ip link show veth0 veth1
ip link show dev
ip link show group nope
ip link
