# policy routing seen by traffic: a from-rule sends pings sourced from one address through another table/device, a to-rule with prohibit/unreachable/blackhole action, rule order by pref, deleting rules restores the main table
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add va address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip link add vb address 02:00:00:00:00:03 type veth peer name eth0 address 02:00:00:00:00:04 netns b
ip addr add 10.0.0.1/24 dev va
ip addr add 10.0.0.7/24 dev va
ip addr add 10.1.0.1/24 dev vb
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n a addr add 10.9.9.9/32 dev lo
ip -n b addr add 10.1.0.2/24 dev eth0
ip -n b addr add 10.9.9.9/32 dev lo
ip link set va up
ip link set vb up
ip -n a link set lo up
ip -n b link set lo up
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a route add default via 10.0.0.1
ip -n b route add default via 10.1.0.1
ip route add 10.9.9.9 via 10.0.0.2
ip route add 10.9.9.9 via 10.1.0.2 table 100
ping -q -c 2 127.0.0.1
ping -c 1 10.9.9.9
ip rule add from 10.0.0.7 table 100
ping -c 1 -I 10.0.0.7 10.9.9.9
ip route get 10.9.9.9 from 10.0.0.7
ip -n b neigh show 10.1.0.1 dev eth0
ip rule add to 10.9.9.9 prohibit pref 10
ping -c 1 10.9.9.9
ping -c 1 -W 1 -I 10.0.0.7 10.9.9.9
ip route get 10.9.9.9
ip rule del pref 10
ip rule add to 10.9.9.9 unreachable pref 10
ping -c 1 10.9.9.9
ip route get 10.9.9.9
ip rule del pref 10
ip rule add to 10.9.9.9 blackhole pref 10
ping -c 1 10.9.9.9
ip route get 10.9.9.9
ip rule del pref 10
ip rule add to 10.9.9.9 lookup 100 pref 20
ping -c 1 10.9.9.9
ip route get 10.9.9.9
ip rule show
ip rule del pref 20
ip rule del from 10.0.0.7 table 100
ping -c 1 -I 10.0.0.7 10.9.9.9
ip route get 10.9.9.9 from 10.0.0.7
