# address flags that shape the connected route: noprefixroute (no route), metric N (route with that metric), secondaries with their own metric; ip addr change/replace update the metric but not noprefixroute
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip addr add 10.0.0.1/24 dev veth0 noprefixroute
ip addr add 10.1.0.1/24 dev veth0 metric 100
ip addr add 10.1.0.2/24 dev veth0 metric 50
ip addr add 10.2.0.1/24 dev veth1 metric 100
ip addr show
ip -j addr show dev veth0
ip route
ip route show table local
ip route get 10.0.0.2
ip addr change 10.0.0.1/24 dev veth0
ip route
ip addr change 10.1.0.1/24 dev veth0 metric 20 noprefixroute
ip addr show dev veth0
ip route
ip addr replace 10.1.0.1/24 dev veth0 metric 30
ip route
