# a vxlan device moved to another namespace keeps its underlay (the namespace it was created from): its socket stays there, it shows @ifN link-netns and 'dev ifN'; created with netns or moved later alike; deleting its namespace deletes it
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns add n2
ip netns add pod1
ip netns exec n1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec n2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n n1 link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns n2
ip -n n1 addr add 192.168.1.1/24 dev eth0
ip -n n2 addr add 192.168.1.2/24 dev eth0
ip -n n1 link set eth0 up
ip -n n2 link set eth0 up
ip -n n1 link add vx0 address 02:00:00:00:01:01 type vxlan id 42 remote 192.168.1.2 dstport 4789 dev eth0
ip -n n2 link add vx0 address 02:00:00:00:01:02 type vxlan id 42 remote 192.168.1.1 dstport 4789 dev eth0
ip -n n1 link set vx0 netns pod1
ip -n pod1 -d link show vx0
ip -n pod1 -j -d link show vx0
ip -n pod1 addr add 10.0.0.1/24 dev vx0
ip -n n2 addr add 10.0.0.2/24 dev vx0
ip -n pod1 link set vx0 up
ip -n n2 link set vx0 up
ip netns exec n1 ss -uan
ip netns exec pod1 ss -uan
sleep 1
ip netns exec pod1 ping -c 1 -W 1 10.0.0.2
bridge -n pod1 fdb show dev vx0
bridge -n n2 fdb show dev vx0
ip link add vx5 netns n1 address 02:00:00:00:01:05 type vxlan id 5 dstport 4789
ip -n n1 -d link show vx5
ip link add vx6 address 02:00:00:00:01:06 type vxlan id 6 dstport 4789 remote 10.1.1.1 local 10.1.1.2
ip link set vx6 netns n1
ip -n n1 -d link show vx6
bridge -n n1 fdb show dev vx6
ip netns del pod1
sleep 1
ip -n n1 link show
