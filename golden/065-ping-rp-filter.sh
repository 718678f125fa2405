# reverse-path filter: a packet from 10.3.0.2 arriving on ra (route back is via rc) passes with rp_filter 0, is dropped with 1 (strict, max of all and the device), passes with 2 (loose)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns add r
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec r sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n a link add eth0 address 02:00:00:00:0a:01 type veth peer name ra address 02:00:00:00:0a:02 netns r
ip -n a link add eth1 address 02:00:00:00:0c:01 type veth peer name rc address 02:00:00:00:0c:02 netns r
ip -n a addr add 10.1.0.2/24 dev eth0
ip -n a addr add 10.3.0.2/24 dev eth1
ip -n r addr add 10.1.0.1/24 dev ra
ip -n r addr add 10.3.0.1/24 dev rc
ip -n a link set lo up
ip -n r link set lo up
ip -n a link set eth0 up
ip -n a link set eth1 up
ip -n r link set ra up
ip -n r link set rc up
ping -q -c 2 127.0.0.1
ip netns exec r sysctl net.ipv4.conf.all.rp_filter net.ipv4.conf.ra.rp_filter
ip netns exec a ping -c 1 -W 1 -I 10.3.0.2 10.1.0.1
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=1
ip netns exec a ping -c 1 -W 1 -I 10.3.0.2 10.1.0.1
ip -n r route get 10.1.0.1 from 10.3.0.2 iif ra
ip netns exec a ping -c 1 -W 1 -I 10.1.0.2 10.1.0.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=2
ip netns exec a ping -c 1 -W 1 -I 10.3.0.2 10.1.0.1
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=0
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=1
ip netns exec a ping -c 1 -W 1 -I 10.3.0.2 10.1.0.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec a ping -c 1 -W 1 -I 10.3.0.2 10.1.0.1
