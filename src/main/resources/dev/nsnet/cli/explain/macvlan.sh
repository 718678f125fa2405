# macvlan underlay: pod1's interface is a macvlan (bridge mode) on node1's eth0, with its own MAC
# and an address of the node's own subnet
ip netns add pod1
ip link add link eth0 name mv1 address 02:42:c0:a8:01:0b netns pod1 type macvlan mode bridge
ip -n pod1 link set lo up
ip -n pod1 addr add 192.168.1.11/24 dev mv1
ip -n pod1 link set mv1 up
