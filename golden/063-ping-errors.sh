# ping usage errors and name resolution failures: messages and exit codes (1 for usage/argument errors, 2 for resolution/socket errors)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping
ping -c 1 nosuchhost.invalid
ping -c 1 300.1.1.1
ping -c 0 127.0.0.1
ping -c abc 127.0.0.1
ping -c 1 -t 256 127.0.0.1
ping -c 1 -t 0 127.0.0.1
ping -c 1 -s -1 127.0.0.1
ping -c 1 -s 65508 127.0.0.1
ping -c 1 -M foo 127.0.0.1
ping -c 1 -I nope 127.0.0.1
ping -c 1 -I 10.9.9.9 127.0.0.1
ping -c 1 -i -1 127.0.0.1
ping -c 1 -W -1 127.0.0.1
ping -c 1 -w abc 127.0.0.1
ping -c 1 -Z 127.0.0.1
ping -V
