# ss -i, -m and -e's option words on what is deterministic on a real kernel: listeners (tcp_info of a
# listener is its congestion control and initial cwnd, the accept queue in unacked), socket memory of
# listeners and UDP sockets, and the header and column layout these add. Connections' tcp_info holds
# wall-clock RTTs and times (see docs/fidelity.md), so their -i lines are tested by unit tests instead.
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip -n a link set lo up
ip netns exec a nc -l 8080 &
ip netns exec a nc -l -u 5353 &
ip netns exec a ss -tlni
ip netns exec a ss -tlnm
ip netns exec a ss -tlnim
ip netns exec a ss -Htlni
ip netns exec a ss -ulnm
ip netns exec a ss -ulni
ip netns exec a ss -tulnim
ip netns exec a ss -tli
ip netns exec a nc -l 8081 &
ip netns exec a ss -tlni sport = :8081
ip netns exec a ss -tlnm sport = :8081
ip netns exec a sysctl -q -w net.ipv4.tcp_wmem="4096 32768 4194304"
ip netns exec a sysctl -q -w net.ipv4.tcp_rmem="4096 65536 6291456"
ip netns exec a nc -l 8082 &
ip netns exec a ss -tlnm sport = :8082
ip netns exec a ss -tlnmi sport = :8080
