# LOG and TRACE as iptables-nft 1.8.9 takes them (TRACE in any table; LOG levels by number or syslog name, prefix cut to 29 characters, each option once); the recording host has no modprobe/lsmod (kmod not installed, br_netfilter built in); dmesg's option errors (its log is the host's, not the sandbox's)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
iptables -t raw -A PREROUTING -j TRACE
iptables -t raw -A OUTPUT -p icmp -j TRACE
iptables -A INPUT -j TRACE
iptables -t mangle -A FORWARD -j TRACE
iptables -A OUTPUT -j LOG --log-prefix x --log-level 7 --log-tcp-sequence --log-tcp-options --log-ip-options --log-uid --log-macdecode
iptables -A OUTPUT -j LOG --log-level alert
iptables -A OUTPUT -j LOG --log-level 0x3
iptables -A OUTPUT -j LOG --log-level warning --log-prefix "drop: "
iptables -A OUTPUT -j LOG --log-prefix 0123456789012345678901234567890123
iptables -A OUTPUT -j LOG --log-prefix "a'b\"c"
iptables -A OUTPUT -p tcp -j LOG --log-prefix=tcp_ --log-tcp-opt
ping -q -c 2 127.0.0.1
iptables -t raw -S
iptables -t raw -L -v -n -x
iptables -S
iptables -L OUTPUT
iptables -L OUTPUT -n
iptables -t mangle -L FORWARD
iptables -A OUTPUT -j LOG --log-level 8
iptables -A OUTPUT -j LOG --log-level err
iptables -A OUTPUT -j LOG --log-level warn
iptables -A OUTPUT -j LOG --log-prefix
iptables -A OUTPUT -j LOG --log-prefix ''
iptables -A OUTPUT -j LOG --log-level info --log-level 1
iptables -A OUTPUT -j LOG ! --log-uid
iptables -A OUTPUT -j TRACE --log-uid
iptables -N TRACE
modprobe br_netfilter
lsmod
dmesg -z
dmesg --bogus
dmesg -V
