# UDP with nc: a receiver in b, a datagram from a, the receiver connects to its first peer (ss shows ESTAB), other senders get port unreachable
ip netns exec b nc -u -l 5353 &
ip netns exec b ss -uan
ip netns exec b ss -ul
echo hello | ip netns exec a nc -u -q0 -p 40003 10.0.0.2 5353
ip netns exec b ss -uan
ip netns exec a ss -uan
ip netns exec a nc -u -z -v 10.0.0.2 5353
ip netns exec a nc -u -z -v -p 40003 10.0.0.2 5353
ip netns exec b ss -uan
ip netns exec b ss -tuan
