# The smallest container network: a namespace ("pod") joined to the host by a veth pair.
# Run: ./nsnet run examples/veth-pair.sh      (or --transcript to see each command with its output)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add pod
ip netns exec pod sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
# one end stays in the root namespace, the other goes into the pod as eth0
ip link add veth-pod address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns pod
ip addr add 10.0.0.1/24 dev veth-pod
ip link set veth-pod up
ip -n pod addr add 10.0.0.2/24 dev eth0
ip -n pod link set eth0 up
ip -n pod link set lo up
ip link show veth-pod
ip -n pod addr show eth0
ip -n pod route show
ping -c 2 -i 0.2 10.0.0.2
ip neigh show 10.0.0.2 dev veth-pod
