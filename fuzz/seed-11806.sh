# fuzz seed 11806: nsnet differs from the real kernel in `ip -n b -br link show` (shrunk from 35 to 11 commands)
#    lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 
#   -veth2@eth1       LOWERLAYERDOWN 02:00:00:00:00:04 <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> 
#   +veth2@eth1       DOWN           02:00:00:00:00:04 <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> 
#    eth1@veth2       DOWN           02:00:00:00:00:03 <BROADCAST,MULTICAST> 
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ping -q -c 2 127.0.0.1
ip link add eth1 address 02:00:00:00:00:03 type veth peer name veth2 address 02:00:00:00:00:04 netns b
ip link set eth1 netns b
ip -n b link set veth2 up
ping -q -c 2 127.0.0.1
ip -n b -br link show
