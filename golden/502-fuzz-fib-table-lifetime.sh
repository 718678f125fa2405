# FIB table lifetime (fuzz seeds 16, 49, 134): a fresh netns has no table at all until a first route (an address or ip route add) makes one; a dump of main stays silent, others fail; ip route add makes its table before checking the route (a refused gateway still leaves an empty table) but not for a bad prefix; without a local table an onlink gateway counts as broadcast
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip route show
ip -j route show table main
ip route show table local
ip -j route show table local
ip route show table all
ip route flush table main
ip route del 1.2.3.0/24
ip route del prohibit 192.168.1.0/24 metric 100
ip route add 192.168.2.0/24 via 10.0.1.1 table 100 metric 10
ip route show table 100
ip route add 1.2.3.0/16 dev lo table 101
ip route show table 101
ip route add 1.2.3.0/24 dev lo table 102
ip route show table 102
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 up
ip route add 10.9.0.0/24 via 10.1.1.1 dev veth0 onlink
ip route add 10.8.0.0/24 dev veth0
ip route show
ip route show table local
ip route add 10.9.0.0/24 via 10.1.1.1 dev veth0 onlink
ip link set lo up
ping -q -c 2 127.0.0.1
ip route add 10.9.0.0/24 via 10.1.1.1 dev veth0 onlink
ip route show table all
ip netns add c
ip netns exec c sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n c route show table local
ip -n c route del prohibit 192.168.1.0/24 metric 100
ip -n c route get 127.0.0.1
ip -n c rule add from 10.1.1.1 lookup 7
ip -n c route show table 7
ip -n c rule add from 10.1.1.2
ip -n c rule show
ip -n c route show table 1
ip -n c route show table all
