# neighbour timeline: -s ages through REACHABLE, DELAY, PROBE, admin states, flush and errors (recorded on Linux 6.18)
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
ping -c 1 10.0.0.2
ip -s neigh show 10.0.0.2 dev veth0
ip -n a -s neigh show 10.0.0.1 dev eth0
ping -q -c 3 -i 1.25 127.0.0.1
ip -s neigh show 10.0.0.2 dev veth0
ip -n a -s neigh show 10.0.0.1 dev eth0
ping -q -c 3 -i 1.25 127.0.0.1
ip -n a -s neigh show 10.0.0.1 dev eth0
ip -s -j neigh show 10.0.0.2 dev veth0
ip -n a addr del 10.0.0.2/24 dev eth0
ip -n a neigh show dev eth0
ip -n a addr add 10.0.0.2/24 dev eth0
ip neigh change 10.0.0.2 dev veth0 nud stale
ip -s neigh show 10.0.0.2 dev veth0
ip link set veth0 down
ip link set veth0 up
ip neigh show dev veth0
ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev veth0 nud delay
ping -q -c 3 -i 1.25 127.0.0.1
ip -s neigh show 10.0.0.5 dev veth0
ping -q -c 3 -i 1.25 127.0.0.1
ip neigh show 10.0.0.5 dev veth0
ip neigh get 10.0.0.5 dev veth0
ip neigh get 10.0.0.6 dev veth0
ip neigh get 10.0.0.6
ip -s neigh flush dev veth0
ip neigh flush
ip neigh show dev nope
ip neigh add 10.0.0.9 dev veth0 nud bogus
ip neigh add 10.0.0.9 lladdr 02:00:00:00:00:09
ip neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev veth0 nud none
ip -s neigh show nud none
ip neigh foo
