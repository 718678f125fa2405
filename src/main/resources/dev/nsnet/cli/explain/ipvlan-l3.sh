# ipvlan L3 underlay: node1's MAC, the pod's own IP from a range routed to node1 (l3 slaves do not
# answer ARP: the network routes the pod range to the node, as a cloud route table would)
ip netns add pod1
ip link add link eth0 name ipvl1 type ipvlan mode l3
ip link set ipvl1 netns pod1
ip -n pod1 link set lo up
ip -n pod1 addr add 10.244.1.11/32 dev ipvl1
ip -n pod1 link set ipvl1 up
ip -n pod1 route add default dev ipvl1
nsnet-world exec node2 ip route add 10.244.1.0/24 via 192.168.1.10
