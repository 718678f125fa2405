# ip route replace/change/append/del/flush: replace creates or overwrites, change needs an existing route, flush by table/dev/proto
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip route replace 192.168.5.0/24 via 10.0.0.2
ip route show
ip route replace 192.168.5.0/24 via 10.0.0.3
ip route show
ip route replace 192.168.5.0/24 dev veth0 metric 10
ip route show
ip route change 192.168.5.0/24 via 10.0.0.4
ip route show
ip route change 192.168.6.0/24 via 10.0.0.4
ip route append 192.168.5.0/24 via 10.0.0.5
ip route show
ip route add 192.168.7.0/24 via 10.0.0.2 table 50
ip route add 192.168.8.0/24 via 10.0.0.2 table 50
ip route del 192.168.5.0/24 via 10.0.0.5
ip route show
ip route del 192.168.5.0/24
ip route show
ip route flush table 50
ip route show table 50
ip route add 192.168.9.0/24 via 10.0.0.2
ip route flush proto boot
ip route show
ip route add 192.168.9.0/24 via 10.0.0.2 table 51
ip route flush dev veth0
ip route show
ip route show table 51
ip route flush table main
ip route show table local
ip route flush
