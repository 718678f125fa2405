# a TCP transfer with nc between two namespaces: a listener in b, a client in a sending one line, ss listings of LISTEN, and TIME-WAIT on the side that closed first
ip netns exec b nc -l 8080 &
ip netns exec b ss -tln
ip netns exec b ss -tl
ip netns exec b ss -Htln
echo hello | ip netns exec a nc -q1 -p 40000 10.0.0.2 8080
ip netns exec a ss -tan
ip netns exec a ss -tn state time-wait
ip netns exec b ss -tan
ip netns exec b nc -v -l 8081 &
ip netns exec a nc -z -v 10.0.0.2 8081
ip netns exec b nc -l 10.0.0.2 8082 &
ip netns exec b ss -tln
ip netns exec a nc -z -v -n 10.0.0.2 8082
