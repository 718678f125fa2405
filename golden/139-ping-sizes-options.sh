# ping across a veth: -s 0 (no time), -s 1472 -M do fits MTU 1500 exactly, 1473 does not, -c 3 -i 0.2 -q, -I with an address, -I with a device, -n, -c 2 -i 0.2 -O, -A
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.9/24 dev veth0
ip -n a addr add 10.0.0.2/24 dev eth0
ip link set veth0 up
ip -n a link set eth0 up
ip -n a link set lo up
ping -q -c 2 127.0.0.1
ping -c 1 -s 0 10.0.0.2
ping -c 1 -s 8 10.0.0.2
ping -c 1 -s 16 10.0.0.2
ping -c 1 -s 1472 -M do 10.0.0.2
ping -c 1 -s 1473 -M do 10.0.0.2
ping -c 1 -s 1473 -M dont 10.0.0.2
ping -c 3 -i 0.2 -q 10.0.0.2
ping -c 1 -I 10.0.0.9 10.0.0.2
ping -c 1 -I veth0 10.0.0.2
ping -c 1 -I 10.0.0.77 -W 1 10.0.0.2
ping -c 2 -i 0.2 -n 10.0.0.2
ping -c 2 -i 0.2 -O 10.0.0.2
ping -c 2 -A -q 10.0.0.2
ip -n a neigh show 10.0.0.9 dev eth0
