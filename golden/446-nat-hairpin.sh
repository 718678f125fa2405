# hairpin NAT: a service address 10.96.0.10:80 DNATed to pod1's web server; pod2 (same bridge) reaches it; pod1 reaching its own service through the bridge needs hairpin_mode on its port (the reply must go back out the port it came in) and a MASQUERADE of the hairpinned flow, as kube-proxy does
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add pod1
ip netns exec pod1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add remote
ip netns exec remote sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add cni0 address 02:00:00:00:01:01 type bridge
ip addr add 10.244.1.1/24 dev cni0
ip link set cni0 up
ip link add veth1 address 02:00:00:00:01:11 type veth peer name eth0 address 02:00:00:00:00:02 netns pod1
ip link set veth1 master cni0
ip link set veth1 up
ip -n pod1 addr add 10.244.1.2/24 dev eth0
ip -n pod1 link set lo up
ip -n pod1 link set eth0 up
ip -n pod1 route add default via 10.244.1.1
ip link add eth0 address 02:00:00:00:02:01 type veth peer name eth0 address 02:00:00:00:02:02 netns remote
ip addr add 192.168.1.10/24 dev eth0
ip link set eth0 up
ip -n remote addr add 192.168.1.20/24 dev eth0
ip -n remote link set lo up
ip -n remote link set eth0 up
sysctl -q -w net.ipv4.ip_forward=1
ip netns add pod2
ip netns exec pod2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth2 address 02:00:00:00:01:12 type veth peer name eth0 address 02:00:00:00:00:03 netns pod2
ip link set veth2 master cni0
ip link set veth2 up
ip -n pod2 addr add 10.244.1.3/24 dev eth0
ip -n pod2 link set lo up
ip -n pod2 link set eth0 up
ip -n pod2 route add default via 10.244.1.1
iptables -t nat -A PREROUTING -d 10.96.0.10 -p tcp --dport 80 -j DNAT --to-destination 10.244.1.2:80
ip netns exec pod1 python3 -m http.server 80 -d /media &
sleep 1
ip netns exec pod2 curl -s -o /dev/null -w '%{http_code} %{local_ip}\n' http://10.96.0.10/
ip netns exec pod1 curl -s -m 2 -o /dev/null -w '%{http_code}\n' http://10.96.0.10/
ip link set veth1 type bridge_slave hairpin on
ip netns exec pod1 curl -s -m 2 -o /dev/null -w '%{http_code}\n' http://10.96.0.10/
iptables -t nat -A POSTROUTING -s 10.244.1.2 -d 10.244.1.2 -p tcp --dport 80 -j MASQUERADE
ip netns exec pod1 curl -s -m 2 -o /dev/null -w '%{http_code}\n' http://10.96.0.10/
iptables -t nat -L -n -v -x
