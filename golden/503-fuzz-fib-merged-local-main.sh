# local and main share one trie until the first ip rule add (fuzz seed 103): the longest prefix wins across both tables, so main 10.0.0.0/16 via veth3 beats local 10.0.0.0/8 dev lo and the ping is lost; once a rule is added the tables are split, local is looked up first and the same ping is answered on lo
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip addr add 10.0.0.1/8 dev lo
ip link add veth3 address 02:00:00:00:00:01 type veth peer name veth2 address 02:00:00:00:00:02
ping -q -c 2 127.0.0.1
ip addr add 10.0.3.254/16 dev veth3
ip link set dev veth3 up
ping -q -c 2 127.0.0.1
ip route get 10.0.2.1
ip route get 10.1.2.1
ping -c 1 -W 1 -q 10.0.2.1
ping -c 1 -W 1 -q 10.1.2.1
ip route show table local
ip route show
ip rule add from 192.0.2.1 lookup 100
ip route get 10.0.2.1
ping -c 1 -W 1 -q 10.0.2.1
ip route show table local
ip route show
ip rule del from 192.0.2.1 lookup 100
ip route get 10.0.2.1
ip route add local 10.0.2.0/24 dev lo
ip route show table local
ip route get 10.0.2.7
