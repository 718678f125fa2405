# DNAT port forward from the node to a pod (Docker's -p 8080:80): the remote curls 192.168.1.10:8080 and reaches the pod's web server on :80; the pod sees the remote's own address (no SNAT); a port without a rule is refused by the node; OUTPUT DNAT makes the node's own curl to 192.168.1.10:8080 reach the pod too
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
ip -n remote route add 10.244.1.0/24 via 192.168.1.10
iptables -t nat -A PREROUTING -p tcp -d 192.168.1.10 --dport 8080 -j DNAT --to-destination 10.244.1.2:80
iptables -t nat -A OUTPUT -p tcp -d 192.168.1.10 --dport 8080 -j DNAT --to-destination 10.244.1.2:80
ip netns exec pod1 python3 -m http.server 80 -d /media &
sleep 1
ip netns exec remote curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\n' http://192.168.1.10:8080/
ip netns exec remote curl -sS -o /dev/null -w '%{http_code}\n' http://192.168.1.10:8081/
curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\n' http://192.168.1.10:8080/
ip netns exec remote nc -z -v -n 192.168.1.10 8080
iptables -t nat -L -n -v -x
