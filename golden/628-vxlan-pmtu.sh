# a vxlan without a lower device keeps MTU 1500, 50 bytes more than the underlay can carry: a 1500-byte inner packet still goes (its outer header fragmented, df unset) but teaches the route the path MTU 1450, so the next DF ping fails locally (skb_tunnel_check_pmtu)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns add n2
ip netns exec n1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n n1 link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns n2
ip -n n1 addr add 192.168.1.1/24 dev eth0
ip -n n2 addr add 192.168.1.2/24 dev eth0
ip -n n1 link set eth0 up
ip -n n2 link set eth0 up
ip -n n1 link add vx0 address 02:00:00:00:01:01 type vxlan id 42 remote 192.168.1.2 dstport 4789
ip -n n2 link add vx0 address 02:00:00:00:01:02 type vxlan id 42 remote 192.168.1.1 dstport 4789
ip -n n1 addr add 10.0.0.1/24 dev vx0
ip -n n2 addr add 10.0.0.2/24 dev vx0
ip -n n1 link set vx0 up
ip -n n2 link set vx0 up
sleep 1
ip netns exec n1 ping -c 1 -W 1 10.0.0.2
ip netns exec n1 ping -c 1 -W 1 -s 1472 10.0.0.2
ip netns exec n1 ping -c 2 -W 1 -s 1472 -M do 10.0.0.2
ip netns exec n1 ping -c 1 -W 1 -s 1422 -M do 10.0.0.2
ip -n n1 route get 10.0.0.2
ip -n n1 -s link show vx0
ip -n n1 -s link show eth0
