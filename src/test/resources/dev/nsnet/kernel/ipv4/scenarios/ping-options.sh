# ping options that change what is printed or sent: -O, -l, -e, -a, -S (recorded on Linux 6.18)
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
ping -q -c 2 127.0.0.1
ping -c 3 -i 0.2 -O -W 1 10.0.0.9
ping -c 3 -l 3 -W 1 10.0.0.2
ping -c 2 -i 0.2 -e 4660 10.0.0.2
ping -c 1 -a 10.0.0.2
ping -c 2 -i 0.2 -l 2 10.0.0.7
ping -c 1 -S 1000 10.0.0.2
ping -c 1 -e 99999 10.0.0.2
