# backends: python3's http.server in each web pod
nsnet-world exec node2 ip netns exec web-1 python3 -m http.server 8000 -d /media &
nsnet-world exec node3 ip netns exec web-2 python3 -m http.server 8000 -d /media &
# pod to pod across nodes (host-gw route on node1, then node2's bridge)
nsnet-world exec node1 ip netns exec client ping -c 1 10.244.2.2
# pod to ClusterIP: kube-proxy's DNAT on node1 picks a backend on another node
nsnet-world exec node1 ip netns exec client curl -s -o /dev/null -w "%{http_code} from %{remote_ip}\n" http://10.96.0.10/
nsnet-world exec node1 ip netns exec client curl -s -o /dev/null -w "%{http_code} from %{remote_ip}\n" http://10.96.0.10/
# pod to outside: the gateway sees node1's address (MASQUERADE)
ping -c 1 192.168.1.11
nsnet-world exec node1 ip netns exec client ping -c 1 192.168.1.1
nsnet-world exec node1 iptables -t nat -L KUBE-SVC-LOLE4ISW44XBNF3G -n
nsnet-world exec node1 conntrack -L -p tcp
