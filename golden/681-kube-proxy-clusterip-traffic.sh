# kube-proxy's rules (nsnet cluster print, bridge model) on "node1" (this netns): a pod on cni0 reaches a ClusterIP whose only endpoint is a pod behind "node2" (a netns routed host-gw style); the node itself reaches it masqueraded (KUBE-MARK-MASQ: its source is outside the cluster CIDR); a service without endpoints is rejected (node1 has a default route, as nodes do: without a route the ClusterIP is unreachable before any hook sees it)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
sysctl -q -w net.ipv4.ip_forward=1
ip netns add node2
ip netns add client
ip netns add web
ip netns exec node2 sysctl -q -w net.ipv4.ip_forward=1
ip link add eth0 address 52:54:00:01:00:01 type veth peer name eth0 address 52:54:00:01:00:02 netns node2
ip addr add 192.168.1.11/24 dev eth0
ip link set eth0 up
ip -n node2 addr add 192.168.1.12/24 dev eth0
ip -n node2 link set eth0 up
ip link add cni0 address 0a:58:0a:f4:01:01 type bridge
ip addr add 10.244.1.1/24 dev cni0
ip link set cni0 up
ip link add vethc7440455 address 0e:58:0a:f4:01:02 type veth peer name eth0 address 0a:58:0a:f4:01:02 netns client
ip link set vethc7440455 master cni0
ip link set vethc7440455 up
ip -n client link set lo up
ip -n client addr add 10.244.1.2/24 dev eth0
ip -n client link set eth0 up
ip -n client route add default via 10.244.1.1
ip -n node2 link add veth0 address 0e:58:0a:f4:02:02 type veth peer name eth0 address 0a:58:0a:f4:02:02 netns web
ip -n node2 addr add 10.244.2.1/32 dev veth0
ip -n node2 link set veth0 up
ip -n node2 route add 10.244.2.2/32 dev veth0
ip -n web link set lo up
ip -n web addr add 10.244.2.2/24 dev eth0
ip -n web link set eth0 up
ip -n web route add default via 10.244.2.1
ip route add 10.244.2.0/24 via 192.168.1.12 dev eth0
ip route add default via 192.168.1.12
ip -n node2 route add 10.244.1.0/24 via 192.168.1.11 dev eth0
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
iptables-restore --noflush 681-kube-proxy-clusterip-traffic.rules
sleep 1
ip netns exec web python3 -m http.server 8000 -d /media &
sleep 1
ip netns exec client curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\n' http://10.96.0.10/
ip netns exec client curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\n' http://10.96.0.10/
curl -s -o /dev/null -w '%{http_code} %{local_ip}\n' http://10.96.0.10/
ip netns exec client curl -sS http://10.96.0.99:443/
iptables -t nat -L KUBE-SERVICES -v -n -x
iptables -t nat -L KUBE-SVC-LOLE4ISW44XBNF3G -v -n -x
iptables -t nat -L KUBE-MARK-MASQ -v -n -x
iptables -L KUBE-SERVICES -v -n -x
