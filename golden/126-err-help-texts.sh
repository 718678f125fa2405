# help texts of each object: usage on stderr, exit 255 for ip, the exact text of ip link/addr/rule/netns help and bridge help/fdb help/link help
ip link help
ip addr help
ip rule help
ip netns help
ip address help
ip link add help
ip link set help
ip route add help
bridge help
bridge fdb help
bridge link help
bridge -h
bridge
bridge -V
