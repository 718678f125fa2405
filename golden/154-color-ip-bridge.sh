# Colour (iproute2 6.1): -c / -color / -color=always colour names, MACs, addresses and the operstate
# even when the output is not a terminal; -color=auto does not (stdout is a file here) and
# -color=never never. bridge takes -c as -color (matches_color comes before -compressvlans), so
# `bridge -c fdb` colours MACs and names; -com is -compressvlans (this kernel refuses VLAN filtering,
# so the VLAN listings stay empty).
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add br0 address 02:00:00:00:00:10 type bridge
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 master br0
ip addr add 10.0.0.1/24 broadcast + dev veth1
ip addr add 10.0.1.1 peer 10.0.1.2/32 dev veth1
ip link set veth0 up
ip link set veth1 up
ip link set br0 up
ip route add default via 10.0.0.2
ip route add 10.9.0.0/24 nexthop via 10.0.0.3 nexthop via 10.0.0.4
ip route add 10.7.0.0/16 dev veth1 src 10.0.0.1 metric 5
ip route add blackhole 10.8.0.0/24
ping -q -c 2 127.0.0.1
ip -br -c addr
ip -c -br link
ip -c addr show dev veth1
ip -c -o addr show dev veth1
ip -c link show veth0
ip -color=auto -br addr
ip -color=always -br addr
ip -color=never -br addr
ip -color -br addr show lo
ip -color=bogus -br addr
ip -c route
ip -c route show table local
ip -c route get 10.9.0.1
ip -c route get 10.5.0.1 from 10.0.0.1
ip -c -j route show default
ip -c rule
ip -c neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev veth1
ip -c neigh show dev veth1
bridge -c link
bridge -c fdb show dev veth0
bridge -color=always fdb show br br0
bridge -color=auto fdb show dev veth0
bridge -color=never link
bridge -c vlan show dev veth0
bridge -com vlan show dev veth0
bridge -compressvlans vlan show dev veth0
bridge -c -j vlan show dev veth0
