nsnet-world exec node2 ip netns exec web-1 python3 -m http.server 8000 -d /media &
nsnet-world exec node3 ip netns exec web-2 python3 -m http.server 8000 -d /media &
# pod to pod across nodes: routed by node1's and node2's tables (no ARP for pod addresses)
nsnet-world exec node1 ip netns exec client ping -c 1 10.244.2.2
nsnet-world exec node1 ip netns exec client curl -s -o /dev/null -w "%{http_code} from %{remote_ip}\n" http://10.96.0.10/
# pod to outside: the gateway routes the pod range back via node1
nsnet-world exec node1 ip netns exec client ping -c 1 192.168.1.1
