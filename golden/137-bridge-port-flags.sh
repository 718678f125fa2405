# bridge port settings and their effect: learning off (no dynamic entries after a ping), learning on again, hairpin, cost/priority in bridge link, ip link set ... type bridge_slave
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add b
ip netns exec b sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add vpa address 02:00:00:00:01:01 type veth peer name eth0 address 02:00:00:00:02:01 netns a
ip link add vpb address 02:00:00:00:01:02 type veth peer name eth0 address 02:00:00:00:02:02 netns b
ip link set vpa master br0
ip link set vpb master br0
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set lo up
ip -n b link set lo up
ip -n a link set eth0 up
ip -n b link set eth0 up
ip link set vpa up
ip link set vpb up
ip link set br0 up
bridge link set dev vpa learning off
bridge link set dev vpb learning off
ping -q -c 2 127.0.0.1
ip netns exec a ping -c 1 -W 1 10.0.0.2
bridge fdb show br br0 dynamic
bridge -d link show dev vpa
bridge link set dev vpa learning on cost 10 priority 7 hairpin on
ip link set vpb type bridge_slave learning on cost 20 priority 9
bridge link
bridge -d link show dev vpb
ip netns exec a ping -c 1 -W 1 10.0.0.2
bridge fdb show dev vpa dynamic
bridge fdb show dev vpb dynamic
