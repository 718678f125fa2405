# found by the fuzzer's conntrack steps (seed 37): a UDP datagram nc cannot send (an OUTPUT drop: write fails with EPERM) leaves nc polling the socket with no -q timer: it runs until -w's idle timeout, or for ever (killed at the line's 20 s); the drop counted, no conntrack entry confirmed
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
iptables -A OUTPUT -p udp -m conntrack --ctstate NEW -j DROP
echo x | nc -u -q0 -w1 -p 40101 127.0.0.1 5000
echo x | nc -u -q0 -p 40102 127.0.0.1 5000
conntrack -C
iptables -L OUTPUT -v -n
