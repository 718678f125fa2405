# ip route get: fibmatch, local/broadcast/network addresses, own secondary, unreachable/prohibit/blackhole/throw results, iif with forwarding on and off, from a non-local address, oif mismatches, mark, tos, JSON of errors
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:00:03 type veth peer name veth3 address 02:00:00:00:00:04
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.5/24 dev veth0
ip addr add 10.1.0.1/24 dev veth2
ip link set veth0 up
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
ping -q -c 2 127.0.0.1
ip route add 192.168.0.0/16 via 10.0.0.2
ip route add 192.168.1.0/24 via 10.1.0.2
ip route add unreachable 172.16.0.0/16
ip route add prohibit 172.17.0.0/16
ip route add blackhole 172.18.0.0/16
ip route add throw 172.19.0.0/16
ip route get fibmatch 192.168.1.7
ip route get fibmatch 192.168.2.7
ip route get fibmatch 10.0.0.5
ip route get fibmatch 8.8.8.8
ip route get 10.0.0.5
ip route get 10.0.0.0
ip route get 10.0.0.255
ip route get 10.0.0.5 from 10.0.0.1
ip route get 192.168.1.7 from 10.0.0.1
ip route get 192.168.1.7 from 10.9.9.9
ip route get 192.168.1.7 oif veth0
ip route get 10.1.0.2 oif veth0
ip route get 172.16.1.1
ip route get 172.17.1.1
ip route get 172.18.1.1
ip route get 172.19.1.1
ip route get 10.1.0.2 from 10.0.0.2 iif veth1
ip route get 10.1.0.2 from 10.0.0.2 iif veth0
sysctl -q -w net.ipv4.ip_forward=1
ip route get 10.1.0.2 from 10.0.0.2 iif veth0
ip route get 192.168.1.7 from 10.0.0.2 iif veth0
ip route get 10.0.0.5 from 10.0.0.2 iif veth0
ip route get 172.16.1.1 from 10.0.0.2 iif veth0
ip route get 172.17.1.1 from 10.0.0.2 iif veth0
ip route get 10.1.0.2 from 10.1.0.2 iif veth0
ip route get 10.1.0.2 mark 5
ip route get 10.1.0.2 tos 0x10
ip route get 10.1.0.2 from 10.0.0.5 connected
ip -j route get 172.16.1.1
ip -j route get fibmatch 192.168.1.7
