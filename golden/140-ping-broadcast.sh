# pinging a broadcast address: refused without -b (subnet and limited broadcast), allowed with -b but unanswered while icmp_echo_ignore_broadcasts=1, answered by every host once it is 0
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
ip addr add 10.0.0.1/24 dev br0
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n b addr add 10.0.0.3/24 dev eth0
ip link set br0 up
ip link set vpa up
ip link set vpb up
ip -n a link set eth0 up
ip -n b link set eth0 up
ping -q -c 2 127.0.0.1
sysctl net.ipv4.icmp_echo_ignore_broadcasts
ping -c 1 10.0.0.255
ping -c 1 255.255.255.255
ping -c 1 -W 1 -b 10.0.0.255
ip netns exec a sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ping -c 1 -W 1 -b 10.0.0.255
ip netns exec b sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ping -c 1 -W 1 -b -I br0 255.255.255.255
ip route get 10.0.0.255
ip route get 255.255.255.255
