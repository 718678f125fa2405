# tcpdump over a vxlan overlay: VXLAN (port 4789) with the inner frame on the underlay veth, -e for both headers, and on the vxlan device itself
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02 netns a
ip addr add 192.168.0.1/24 dev veth0
ip -n a addr add 192.168.0.2/24 dev veth1
ip link set veth0 up
ip -n a link set veth1 up
ip -n a neigh replace 192.168.0.1 lladdr 02:00:00:00:00:01 dev veth1 nud permanent
ip neigh replace 192.168.0.2 lladdr 02:00:00:00:00:02 dev veth0 nud permanent
ip link add vx0 address 02:00:00:00:0a:01 type vxlan id 42 remote 192.168.0.2 local 192.168.0.1 dev veth0 dstport 4789 srcport 5000 5001
ip -n a link add vx0 address 02:00:00:00:0a:02 type vxlan id 42 remote 192.168.0.1 local 192.168.0.2 dev veth1 dstport 4789 srcport 5000 5001
ip addr add 10.9.0.1/24 dev vx0
ip -n a addr add 10.9.0.2/24 dev vx0
ip link set vx0 up
ip -n a link set vx0 up
ip -n a neigh replace 10.9.0.1 lladdr 02:00:00:00:0a:01 dev vx0 nud permanent
sleep 1
ip neigh flush dev vx0
tcpdump -n -t -i veth0 &
sleep 0.5
ping -c 1 -e 71 10.9.0.2
sleep 2
kill %1
wait
ip neigh flush dev vx0
tcpdump -n -t -e -i veth0 &
sleep 0.5
ping -c 1 -e 72 10.9.0.2
sleep 2
kill %1
wait
ip neigh flush dev vx0
tcpdump -n -t -i vx0 &
sleep 0.5
ping -c 1 -e 73 10.9.0.2
sleep 2
kill %1
wait
