# blackhole/unreachable/prohibit/throw routes: listing, ip route get errors, and what a local ping sees for each
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip route add default via 10.0.0.2
ip route add blackhole 10.50.0.0/16
ip route add unreachable 10.51.0.0/16
ip route add prohibit 10.52.0.0/16
ip route add throw 10.53.0.0/16
ip route add blackhole 10.54.0.0/16 metric 5
ip route show
ip route show type unreachable
ip -j route show type blackhole
ip route get 10.50.0.1
ip route get 10.51.0.1
ip route get 10.52.0.1
ip route get 10.53.0.1
ping -c 1 -W 1 10.50.0.1
ping -c 1 -W 1 10.51.0.1
ping -c 1 -W 1 10.52.0.1
ping -c 1 -W 1 10.53.0.1
ip route del unreachable 10.51.0.0/16
ip route del 10.50.0.0/16
ip route del prohibit 10.52.0.0/16
ip route show
