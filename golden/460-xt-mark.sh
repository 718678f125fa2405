# -m mark and -j MARK: every MARK form prints as the (mark, mask) pair it is; a mark set in mangle OUTPUT is matched in filter OUTPUT and INPUT (requests 0x110, replies 0x100); errors
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
iptables -t mangle -A OUTPUT -p icmp --icmp-type echo-request -j MARK --set-mark 0x10/0xff
iptables -t mangle -A OUTPUT -p icmp -j MARK --or-mark 0x100
iptables -A OUTPUT -m mark --mark 0x110
iptables -A OUTPUT -m mark --mark 0x10/0xff
iptables -A OUTPUT -m mark ! --mark 0x10/0xff
iptables -A INPUT -m mark --mark 0x100/0x100
iptables -A INPUT -m mark --mark 0
ping -c 3 -i 0.2 -q 127.0.0.1
iptables -L OUTPUT -v -n -x
iptables -L INPUT -v -n -x
iptables -t mangle -L OUTPUT -v -n
iptables -t mangle -A PREROUTING -j MARK --set-xmark 5
iptables -t mangle -A PREROUTING -j MARK --and-mark 0xf0
iptables -t mangle -A PREROUTING -j MARK --xor-mark 0x7
iptables -t mangle -A PREROUTING -j MARK --set-mark 0
iptables -t mangle -A PREROUTING -j MARK --or-mark 0
iptables -t mangle -A PREROUTING -j MARK --set-xmark 0x10/0xff
iptables -t mangle -A PREROUTING -m mark --mark 4294967295 -j MARK --set-mark 010
iptables -t mangle -S
iptables -t mangle -L PREROUTING
iptables -C OUTPUT -m mark --mark 0x110
iptables -C OUTPUT -m mark --mark 0x110/0xffffffff
iptables -D OUTPUT -m mark ! --mark 16/255
iptables -S OUTPUT
iptables -A INPUT -m mark
iptables -A INPUT -m mark --mark 4294967296
iptables -A INPUT -m mark --mark 1/
iptables -A INPUT -m mark --mark 1 --mark 2
iptables -t mangle -A OUTPUT -j MARK
iptables -t mangle -A OUTPUT -j MARK --set-mark 1 --and-mark 2
iptables -t mangle -A OUTPUT -j MARK ! --set-mark 1
iptables -t mangle -A OUTPUT -j MARK --set-mark 1 --set-mark 2
iptables -t mangle -A OUTPUT -j MARK --or-mark x
