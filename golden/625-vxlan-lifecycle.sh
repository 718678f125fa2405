# a learnt entry ages out (ageing 20, scanned every 10 s); stopping the device flushes learnt entries
# but keeps the default; a down peer device has no socket (the underlay answers port unreachable);
# a remote without a route counts tx_errors + carrier; deleting the lower device deletes the vxlan
# (the underlay veth's counters are not shown: a fresh-clone CI recording counted one ARP exchange
# fewer there, as neighbour probes during the 38 s of sleeps race with the pings); the ping to the
# down peer uses a permanent neighbour (with ARP, how many probes precede ping -W 1's exit is a race)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns add n2
ip netns exec n1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n n1 link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns n2
ip -n n1 addr add 192.168.1.1/24 dev eth0
ip -n n2 addr add 192.168.1.2/24 dev eth0
ip -n n1 link set eth0 up
ip -n n2 link set eth0 up
ip -n n1 link add vx0 address 02:00:00:00:01:01 type vxlan id 42 remote 192.168.1.2 dstport 4789 dev eth0
ip -n n2 link add vx0 address 02:00:00:00:01:02 type vxlan id 42 remote 192.168.1.1 dstport 4789 ageing 20
ip -n n1 addr add 10.0.0.1/24 dev vx0
ip -n n2 addr add 10.0.0.2/24 dev vx0
ip -n n1 link set vx0 up
ip -n n2 link set vx0 up
ip netns exec n2 ss -uan
sleep 1
ip netns exec n1 ping -c 1 -W 1 10.0.0.2
bridge -n n2 fdb show dev vx0
sleep 19
sleep 19
bridge -n n2 fdb show dev vx0
ip netns exec n1 ping -c 1 -W 1 10.0.0.2
bridge -n n2 fdb show dev vx0
ip -n n2 link set vx0 down
bridge -n n2 fdb show dev vx0
ip netns exec n2 ss -uan
ip -n n1 neigh replace 10.0.0.2 lladdr 02:00:00:00:01:02 dev vx0 nud permanent
ip netns exec n1 ping -c 1 -W 1 10.0.0.2
ip -n n1 -s link show vx0
bridge -n n1 fdb add 02:00:00:00:01:09 dev vx0 dst 10.9.9.9
ip -n n1 neigh add 10.0.0.9 lladdr 02:00:00:00:01:09 dev vx0
ip netns exec n1 ping -c 1 -W 1 10.0.0.9
ip -n n1 -s link show vx0
ip -n n1 link del eth0
ip -n n1 link show
ip -n n2 link show vx0
