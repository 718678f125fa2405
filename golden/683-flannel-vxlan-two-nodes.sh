# the flannel model (nsnet cluster print, cni: flannel) on a real kernel: node1 is this netns, node2 a netns at the other end of eth0; each has cni0 with a pod and flannel.1 (vxlan id 1, dstport 8472, nolearning) with flanneld's route (onlink), permanent neighbour and FDB entry for the other node; kube-proxy's rules on node1 send the ClusterIP over the overlay (flannel.1 counters are read after the ping only: a TCP exchange's packet count varies with delayed ACKs)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add node2
ip netns add client
ip netns add web
ip netns exec node2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec node2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec client sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec web sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add eth0 address 52:54:00:01:00:01 type veth peer name eth0 address 52:54:00:01:00:02 netns node2
sysctl -q -w net.ipv4.ip_forward=1
ip link set lo up
ip addr add 192.168.1.11/24 dev eth0
ip link set eth0 up
ip link add cni0 address 0a:58:0a:f4:01:01 mtu 1450 type bridge
ip addr add 10.244.1.1/24 dev cni0
ip link set cni0 up
ip link add vethc7440455 address 0e:58:0a:f4:01:02 mtu 1450 type veth peer name eth0 address 0a:58:0a:f4:01:02 mtu 1450 netns client
ip link set vethc7440455 master cni0
ip link set vethc7440455 up
ip -n client link set lo up
ip -n client addr add 10.244.1.2/24 dev eth0
ip -n client link set eth0 up
ip -n client route add default via 10.244.1.1
ip link add flannel.1 address 0e:f1:c0:a8:01:0b type vxlan id 1 local 192.168.1.11 dev eth0 dstport 8472 nolearning
ip addr add 10.244.1.0/32 dev flannel.1
ip link set flannel.1 up
ip route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink
ip neigh replace 10.244.2.0 lladdr 0e:f1:c0:a8:01:0c dev flannel.1 nud permanent
bridge fdb append 0e:f1:c0:a8:01:0c dev flannel.1 dst 192.168.1.12
ip netns exec node2 sysctl -q -w net.ipv4.ip_forward=1
ip -n node2 link set lo up
ip -n node2 addr add 192.168.1.12/24 dev eth0
ip -n node2 link set eth0 up
ip -n node2 link add cni0 address 0a:58:0a:f4:02:01 mtu 1450 type bridge
ip -n node2 addr add 10.244.2.1/24 dev cni0
ip -n node2 link set cni0 up
ip -n node2 link add veth15c93851 address 0e:58:0a:f4:02:02 mtu 1450 type veth peer name eth0 address 0a:58:0a:f4:02:02 mtu 1450 netns web
ip -n node2 link set veth15c93851 master cni0
ip -n node2 link set veth15c93851 up
ip -n web link set lo up
ip -n web addr add 10.244.2.2/24 dev eth0
ip -n web link set eth0 up
ip -n web route add default via 10.244.2.1
ip -n node2 link add flannel.1 address 0e:f1:c0:a8:01:0c type vxlan id 1 local 192.168.1.12 dev eth0 dstport 8472 nolearning
ip -n node2 addr add 10.244.2.0/32 dev flannel.1
ip -n node2 link set flannel.1 up
ip -n node2 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
ip -n node2 neigh replace 10.244.1.0 lladdr 0e:f1:c0:a8:01:0b dev flannel.1 nud permanent
bridge -n node2 fdb append 0e:f1:c0:a8:01:0b dev flannel.1 dst 192.168.1.11
iptables -t nat -A POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 -m comment --comment "pod traffic leaving the cluster" -j MASQUERADE
iptables -t filter -N KUBE-EXTERNAL-SERVICES
iptables -t filter -I INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
iptables -t filter -I FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
iptables -t filter -N KUBE-NODEPORTS
iptables -t filter -I INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS
iptables -t filter -N KUBE-SERVICES
iptables -t filter -I FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t filter -I OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t filter -N KUBE-FORWARD
iptables -t filter -I FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
iptables -t filter -N KUBE-PROXY-FIREWALL
iptables -t filter -I INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
iptables -t filter -I OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
iptables -t filter -I FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
iptables -t nat -N KUBE-SERVICES
iptables -t nat -I OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -I PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -N KUBE-POSTROUTING
iptables -t nat -I POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
iptables-restore --noflush 683-flannel-vxlan-two-nodes.rules
sleep 1
ip netns exec web python3 -m http.server 8000 -d /media &
sleep 1
ip netns exec client ping -c 1 -W 1 10.244.2.2
ip -s link show flannel.1
ip -n node2 -s link show flannel.1
ip netns exec client curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\n' http://10.96.0.10/
ip -d link show flannel.1
ip route
ip route get 10.244.2.2
ip neigh show dev flannel.1
bridge fdb show dev flannel.1
ip -n node2 route
