# policy routing: table N, table all/local/main, ip rule add/del/show (pref, from, to, iif, lookup), ip route get from/iif, unknown table dump error
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 address 02:00:00:00:00:04
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.1.0.1/24 dev veth2
ip addr add 10.0.0.7/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
ping -q -c 2 127.0.0.1
ip route show table 100
ip route add default via 10.0.0.2
ip route add default via 10.1.0.2 table 100
ip route add 10.10.0.0/16 via 10.1.0.2 table 100
ip route add blackhole 10.66.0.0/16 table 200
ip route show table 100
ip route show table main
ip route show table all
ip rule show
ip rule add from 10.0.0.7 table 100
ip rule add to 10.66.0.0/16 table 200 pref 200
ip rule add iif veth1 lookup 100 pref 300
ip rule show
ip rule list
ip -j rule show
ip route get 10.10.1.1
ip route get 10.10.1.1 from 10.0.0.7
ip route get 8.8.8.8 from 10.0.0.7
ip route get 10.66.1.1
ip rule del from 10.0.0.7 table 100
ip rule del pref 200
ip rule del pref 200
ip rule show
ip route get 10.10.1.1 from 10.0.0.7
ip route flush table 100
ip route show table 100
ip route show table 200
ip rule add from all lookup nosuchname
