# web servers on the same port 80 in two pods on a bridge (each netns has its own ports), curl from the root netns through the bridge and from a pod to the other, a server bound to 127.0.0.1 only reachable from inside its pod, and its port unaffected in the root netns (listeners are listed one per ss: the order of several in one netns follows a per-netns hash, different on every run)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add br0 address 02:00:00:00:01:01 type bridge
ip addr add 10.244.1.1/24 dev br0
ip link set br0 up
ip netns add pod1
ip netns add pod2
ip link add veth1 address 02:00:00:00:01:11 type veth peer name eth0 address 02:00:00:00:00:02 netns pod1
ip link add veth2 address 02:00:00:00:01:12 type veth peer name eth0 address 02:00:00:00:00:03 netns pod2
ip link set veth1 master br0
ip link set veth2 master br0
ip link set veth1 up
ip link set veth2 up
ip -n pod1 addr add 10.244.1.2/24 dev eth0
ip -n pod2 addr add 10.244.1.3/24 dev eth0
ip -n pod1 link set lo up
ip -n pod2 link set lo up
ip -n pod1 link set eth0 up
ip -n pod2 link set eth0 up
sleep 1
ip netns exec pod1 python3 -m http.server 80 -d /media &
ip netns exec pod2 python3 -m http.server 80 -d /media &
sleep 1
ip netns exec pod1 ss -tln
ip netns exec pod2 ss -tln
ip netns exec pod2 python3 -m http.server 8080 --bind 127.0.0.1 -d /media &
sleep 1
ip netns exec pod2 ss -tln sport = :8080
curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\n' http://10.244.1.2/
curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\n' http://10.244.1.3/
ip netns exec pod1 curl -s -o /dev/null -w '%{http_code} %{local_ip}\n' http://10.244.1.3/missing
ip netns exec pod2 curl -s -o /dev/null -w '%{http_code}\n' http://127.0.0.1:8080/
ip netns exec pod2 curl -s -o /dev/null -w '%{http_code}\n' http://localhost/
ip netns exec pod1 curl -sS http://10.244.1.3:8080/
curl -sS http://127.0.0.1:8080/
curl -sS http://127.0.0.1/
