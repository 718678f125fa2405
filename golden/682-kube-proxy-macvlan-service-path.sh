# the macvlan cluster model's "service path" (nsnet cluster print, cni: macvlan) on a real kernel: node1 (this netns) has a macvlan pod "client" on eth0 plus a veth with no pod address whose host end the pod reaches as 169.254.1.1 (permanent neighbour); kube-proxy with --masquerade-all DNATs the ClusterIP to a macvlan pod "web" on node2 (a netns at the other end of eth0); the pod reaches its own node only through the service path
# (KUBE-FORWARD is listed without counters: its ESTABLISHED rule counted one late FIN/ACK more in one
# fresh-clone CI recording)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
sysctl -q -w net.ipv4.ip_forward=1
ip netns add node2
ip netns exec node2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec node2 sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add eth0 address 52:54:00:01:00:01 type veth peer name eth0 address 52:54:00:01:00:02 netns node2
ip link set lo up
ip addr add 192.168.1.11/24 dev eth0
ip link set eth0 up
ip -n node2 addr add 192.168.1.12/24 dev eth0
ip -n node2 link set eth0 up
ip netns add web
ip netns exec web sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n node2 link add link eth0 name mv15c93851 address 0a:58:c0:a8:01:66 netns web type macvlan mode bridge
ip -n web link set mv15c93851 name eth0
ip -n web link set lo up
ip -n web addr add 192.168.1.102/24 dev eth0
ip -n web link set eth0 up
ip netns add client
ip netns exec client sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add link eth0 name mvc7440455 address 0a:58:c0:a8:01:65 netns client type macvlan mode bridge
ip -n client link set mvc7440455 name eth0
ip -n client link set lo up
ip -n client addr add 192.168.1.101/24 dev eth0
ip -n client link set eth0 up
ip -n client route add default via 192.168.1.1
ip link add svcc7440455 address 0e:58:c0:a8:01:65 type veth peer name veth0 address 0e:59:c0:a8:01:65 netns client
ip link set svcc7440455 up
ip route add 192.168.1.101/32 dev svcc7440455
ip -n client link set veth0 up
ip -n client route add 169.254.1.1 dev veth0 scope link
ip -n client neigh add 169.254.1.1 lladdr 0e:58:c0:a8:01:65 dev veth0 nud permanent
ip -n client route add 10.96.0.0/12 via 169.254.1.1 dev veth0
ip -n client route add 192.168.1.11/32 via 169.254.1.1 dev veth0
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
iptables-restore --noflush 682-kube-proxy-macvlan-service-path.rules
sleep 1
ip netns exec web python3 -m http.server 8000 -d /media &
sleep 1
ip netns exec client ping -c 1 -W 1 192.168.1.102
ip netns exec client ping -c 1 -W 1 192.168.1.11
ip netns exec client curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port} %{local_ip}\n' http://10.96.0.10/
ip netns exec client ip route get 10.96.0.10
ip netns exec client ip route get 192.168.1.11
ip netns exec client ip route get 192.168.1.102
ip -n web neigh show 192.168.1.101
ip -n web neigh show 192.168.1.11
iptables -t nat -L KUBE-MARK-MASQ -v -n -x
iptables -L KUBE-FORWARD -n
