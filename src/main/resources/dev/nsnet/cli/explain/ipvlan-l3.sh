# ipvlan L3 underlay: as l2, but node1's eth0 routes for the pod (no ARP from the pod; the lower answers)
ip netns add pod1
ip link add link eth0 name ipvl1 type ipvlan mode l3
ip link set ipvl1 netns pod1
ip -n pod1 link set lo up
ip -n pod1 addr add 192.168.1.11/24 dev ipvl1
ip -n pod1 link set ipvl1 up
ip -n pod1 route add default dev ipvl1
