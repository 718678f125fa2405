# the article's figure 6: pod1 (10.244.1.2 on bridge cni0) reaches a remote host (192.168.1.20) that has no route back to the pod subnet; without NAT its ping goes unanswered, with Docker's rule (-t nat POSTROUTING -s 10.244.1.0/24 ! -o cni0 -j MASQUERADE) ping, nc and curl succeed and the remote sees the node's address 192.168.1.10; a UDP datagram to a closed port gets its ICMP port unreachable translated back; the nat table counted only each connection's first packet
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
sleep 1
ip netns exec pod1 ping -c 1 -W 1 192.168.1.20
iptables -t nat -A POSTROUTING -s 10.244.1.0/24 ! -o cni0 -j MASQUERADE
iptables -A FORWARD -i cni0 ! -o cni0 -j ACCEPT
iptables -A FORWARD -o cni0 -j ACCEPT
ip netns exec pod1 ping -c 3 -i 0.3 192.168.1.20
ip netns exec remote nc -v -n -l 8080 &
sleep 1
echo hello | ip netns exec pod1 nc -q1 -p 40000 192.168.1.20 8080
ip netns exec remote python3 -m http.server 80 -d /media &
sleep 1
ip netns exec pod1 curl -s -o /dev/null -w '%{http_code} %{local_ip} %{remote_ip}\n' http://192.168.1.20/
ip netns exec pod1 nc -u -z -v -n 192.168.1.20 9999
iptables -t nat -L -n -v -x
iptables -t nat -S POSTROUTING
