# curl failures: connection refused (with and without -s/-S, the progress meter of a failure, -v's trace), an unknown host, no route (Network is unreachable), timeouts against an address that swallows SYNs (-m, --connect-timeout; only their 000 and exit 28: the 'after N ms' of their messages is 1000 or 1001 from run to run), the 000 code of -w, bad options and URLs
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
ip -n a neigh add 10.0.0.9 lladdr 02:00:00:00:00:99 dev veth0
sleep 1
ip netns exec a curl http://10.0.0.2:8001/
ip netns exec a curl -s http://10.0.0.2:8001/
ip netns exec a curl -sS http://10.0.0.2:8001/
ip netns exec a curl -sv http://10.0.0.2:8001/
ip netns exec a curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8001/
ip netns exec a curl -sS http://nope/
ip netns exec a curl -sS http://192.0.2.1/
ip netns exec a curl -s -m 1 -o /dev/null -w '%{http_code} %{exitcode}\n' http://10.0.0.9/
ip netns exec a curl -s --connect-timeout 1 -o /dev/null -w '%{http_code}\n' http://10.0.0.9:8080/
ip netns exec a curl -s -m 0.5 --connect-timeout 3 -o /dev/null -w '%{http_code}\n' http://10.0.0.9/
ip netns exec a curl
ip netns exec a curl -sS --bogus http://10.0.0.2:8000/
ip netns exec a curl -sS -m abc http://10.0.0.2:8000/
ip netns exec a curl -sS http://10.0.0.2:99999/
ip netns exec a curl -sS ftp2://10.0.0.2/
