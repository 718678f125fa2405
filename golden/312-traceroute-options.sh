# traceroute's command line: usage, option and operand errors, limits (messages and status 2).
ip link set lo up
traceroute
traceroute -V
traceroute nosuchhost
traceroute -n 256.1.1.1
traceroute -Z 127.0.0.1
traceroute --foo 127.0.0.1
traceroute -m
traceroute -n -q
traceroute --max-hops 2 127.0.0.1
traceroute -q abc 127.0.0.1
traceroute -mx 127.0.0.1
traceroute -q 11 127.0.0.1
traceroute -n -q 0 127.0.0.1
traceroute -m 256 127.0.0.1
traceroute -n -m -1 127.0.0.1
traceroute -f 5 -m 3 127.0.0.1
traceroute -n -f 0 127.0.0.1
traceroute -w -1 127.0.0.1
traceroute -w abc 127.0.0.1
traceroute -n -w 1,2,3,4 127.0.0.1
traceroute 127.0.0.1 abc
traceroute 127.0.0.1 60 70
traceroute -n 127.0.0.1 65001
traceroute -n 127.0.0.1 -5
traceroute -M foo 127.0.0.1
traceroute -n 127.0.0.1 20
traceroute -n 127.0.0.1 0x40
traceroute --max-hops=2 -n 127.0.0.1
traceroute --queries=2 --icmp -n 127.0.0.1
traceroute 127.0.0.1 -n -q 0x2
traceroute -n -- 127.0.0.1
traceroute -n -q 10 -m 1 127.0.0.1
traceroute -n 127.1
