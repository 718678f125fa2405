# gateways outside every connected subnet: refused without onlink, accepted with onlink (flag shown), route get through it, the gateway of a down device, a gateway that is a local address, via on lo
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip route add default via 192.168.99.1
ip route add default via 192.168.99.1 dev veth0
ip route add default via 192.168.99.1 dev veth0 onlink
ip route
ip -j route show default
ip route get 8.8.8.8
ip route add 172.16.0.0/16 via 10.0.0.1
ip route get 172.16.0.1
ip route add 172.17.0.0/16 via 10.0.0.2 dev lo
ip route add 172.18.0.0/16 via 127.0.0.1
ip route add 172.19.0.0/16 dev lo
ip route get 172.19.0.1
ip link set veth1 down
ping -q -c 2 127.0.0.1
ip route
ip route add 172.20.0.0/16 via 10.0.0.2
ip route add 172.21.0.0/16 via 192.168.99.1 dev veth0 onlink
ip link set veth0 down
ip route add 172.22.0.0/16 via 192.168.99.1 dev veth0 onlink
ip route
