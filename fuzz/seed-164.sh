# fuzz seed 164: nsnet differs from the real kernel in `ip -n mb -br link show` (shrunk from 38 to 17 commands)
#    lo               DOWN           00:00:00:00:00:00 <LOOPBACK> 
#   -mv3@if2          UP             02:00:00:66:01:03 <BROADCAST,MULTICAST,UP> 
#   +mv3@if2          DOWN           02:00:00:66:01:03 <NO-CARRIER,BROADCAST,MULTICAST,UP> 
# (generator v6, found by the macvlan hunt; shrunk by hand; the v6 generator now waits 2.5 s after the wire end changes)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add mn
ip netns exec mn sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add mw
ip netns exec mw sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add mb
ip netns exec mb sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add eth0 netns mn address 02:00:00:66:00:01 type veth peer name eth0 netns mw address 02:00:00:66:00:02
ip -n mn link set eth0 up
ip -n mw link set eth0 up
ip -n mn link add link eth0 name mv3 address 02:00:00:66:01:03 netns mb type macvlan mode vepa
ip -n mb link set mv3 up
sleep 1
ip -n mw link set eth0 down
sleep 1
ip -n mb -br link show
