# route delete checks the prefix before the table (fuzz seed 207): host bits set are refused as an invalid prefix even for a table that does not exist; then an absent table; then an absent route in an existing table
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
ip route del 192.168.1.0/16 via 10.0.2.10 table 100
ip route del 192.168.0.0/16 via 10.0.2.10 table 100
ip route del 10.1.2.3/8
ip route del 10.0.0.0/8
ip route del 192.168.1.0/16 table local
