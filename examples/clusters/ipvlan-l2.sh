nsnet-world exec node2 ip netns exec web-1 python3 -m http.server 8000 -d /media &
nsnet-world exec node3 ip netns exec web-2 python3 -m http.server 8000 -d /media &
# pod to pod across nodes: straight over the switch, no router in between (ttl=64)
nsnet-world exec node1 ip netns exec client ping -c 1 192.168.1.102
# pod to ClusterIP through the service path; the backend sees node1's address (masquerade-all)
nsnet-world exec node1 ip netns exec client curl -s -o /dev/null -w "%{http_code} from %{remote_ip}\n" http://10.96.0.10/
# pod to outside: the gateway sees the pod's own address and MAC
nsnet-world exec node1 ip netns exec client ping -c 1 192.168.1.1
ip neigh show 192.168.1.101 dev eth0
# the node sees none of it on eth0's netfilter path: its FORWARD counters stay at the service path's packets
nsnet-world exec node1 iptables -L FORWARD -v -n
