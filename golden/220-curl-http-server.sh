# curl against python3 -m http.server in another namespace: the status code of / (the listing of an empty directory), a 404, -I, the body of / and of a 404, the server's access log (dates normalised), ss of the listener (not the TIME-WAIT sockets: whether curl or the server closes first is a race on the real kernel)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip link add veth0 netns a address 02:00:00:00:00:01 type veth peer name veth1 netns b address 02:00:00:00:00:02
ip -n a addr add 10.0.0.1/24 dev veth0
ip -n b addr add 10.0.0.2/24 dev veth1
ip -n a link set lo up
ip -n b link set lo up
ip -n a link set veth0 up
ip -n b link set veth1 up
sleep 1
ip netns exec b python3 -m http.server 8000 --directory /media &
sleep 1
ip netns exec b ss -tln
ip netns exec a curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8000/
ip netns exec a curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8000/index.html
ip netns exec a curl -s -I -o /dev/null -w '%{http_code} %{size_download}\n' http://10.0.0.2:8000/
ip netns exec a curl -s http://10.0.0.2:8000/
ip netns exec a curl -sS http://10.0.0.2:8000/nope
ip netns exec a curl -s -o /dev/null -w '%{http_code} %{content_type} %{remote_ip} %{remote_port} %{size_download}\n' 10.0.0.2:8000/?x=1
ip netns exec a curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8000/.
