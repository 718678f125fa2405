# ip link help KIND for kinds with and without a driver, type KIND help in add and set, help words of the ip front-end
ip link help veth
ip link help bridge
ip link help bridge_slave
ip link help dummy
ip link help vlan
ip link help macvlan
ip link help vxlan
ip link help nope
ip link add type veth help
ip link add v0 type veth peer help
ip link add v0 type bridge help
ip link add v0 type dummy help
ip link add v0 type vlan help
ip link set lo type veth help
ip link show help
ip link set help
ip link del help
ip netns help
ip netns add help
ip netns exec help
ip -V
ip help
ip l help
ip li h
