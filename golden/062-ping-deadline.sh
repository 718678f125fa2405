# -w deadline and -W timeout: how many probes go out in the deadline (-i 0.6: 2 in 1 s), exit codes 0/1, -c with -w counts replies
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns a
ip addr add 10.0.0.1/24 dev veth0
ip -n a addr add 10.0.0.2/24 dev eth0
ip link set veth0 up
ip -n a link set eth0 up
ip -n a link set lo up
ping -q -c 2 127.0.0.1
ping -w 1 -i 0.6 10.0.0.2
ping -c 2 -w 3 -i 0.2 10.0.0.2
ping -c 1 -W 1 10.0.0.9
ping -w 1 -i 0.6 10.0.0.8
ping -c 3 -i 0.6 -w 1 10.0.0.7
ping -c 1 -w 1 10.0.0.2
ping -q -w 1 -i 0.6 10.0.0.2
