# a longer path: pod a on bridge br1, router netns r (two legs, ip_forward=1), pod b on bridge br2, bridges in the root netns; ttl 63 in replies, -t 1 gets Time to live exceeded, -t 2 passes, route get with iif inside r, learned fdb entries
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n a link set lo up
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n b link set lo up
ip netns add r
ip netns exec r sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n r link set lo up
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip link add br1 address 02:00:00:00:0b:01 type bridge
ip link add br2 address 02:00:00:00:0b:02 type bridge
ip link add va address 02:00:00:00:0a:01 type veth peer name eth0 address 02:00:00:00:0a:02 netns a
ip link add vr1 address 02:00:00:00:0c:01 type veth peer name eth1 address 02:00:00:00:0c:02 netns r
ip link add vr2 address 02:00:00:00:0d:01 type veth peer name eth2 address 02:00:00:00:0d:02 netns r
ip link add vb address 02:00:00:00:0e:01 type veth peer name eth0 address 02:00:00:00:0e:02 netns b
ip link set va master br1
ip link set vr1 master br1
ip link set vr2 master br2
ip link set vb master br2
ip link set br1 up
ip link set br2 up
ip link set va up
ip link set vr1 up
ip link set vr2 up
ip link set vb up
ip -n a addr add 10.1.0.2/24 dev eth0
ip -n r addr add 10.1.0.1/24 dev eth1
ip -n r addr add 10.2.0.1/24 dev eth2
ip -n b addr add 10.2.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n r link set eth1 up
ip -n r link set eth2 up
ip -n b link set eth0 up
ip -n a route add default via 10.1.0.1
ip -n b route add default via 10.2.0.1
ping -q -c 2 127.0.0.1
ip netns exec a ping -c 2 -i 0.2 10.2.0.2
ip netns exec b ping -c 1 10.1.0.2
ip netns exec a ping -c 1 10.2.0.1
ip netns exec a ping -c 1 -t 1 -W 1 10.2.0.2
ip netns exec a ping -c 1 -t 2 10.2.0.2
ip netns exec a ping -c 1 -t 1 10.1.0.1
ip netns exec a ping -c 1 -t 1 10.2.0.1
ip -n r route get 10.2.0.2 from 10.1.0.2 iif eth1
ip -n a route get 10.2.0.2
ip -n r neigh show 10.2.0.2 dev eth2
bridge fdb show br br1 dynamic
bridge fdb show br br2 dynamic
