# ipvlan L2 underlay: pod1's interface is an ipvlan (mode l2) on node1's eth0: node1's MAC, its own IP
ip netns add pod1
ip link add link eth0 name ipvl1 type ipvlan mode l2
ip link set ipvl1 netns pod1
ip -n pod1 link set lo up
ip -n pod1 addr add 192.168.1.11/24 dev ipvl1
ip -n pod1 link set ipvl1 up
