# ping argument edge cases as root: -c 0/-1, -i 0.001 flood interval, -s 0/65507/70000, -t 0/255, -W, -w 0, -p patterns, -l preload, -Q, short and numeric address forms, extra arguments
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -c 0 127.0.0.1
ping -c -1 127.0.0.1
ping -c 3 -i 0.001 -q 127.0.0.1
ping -c 1 -s 0 127.0.0.1
ping -c 1 -s 65507 -q 127.0.0.1
ping -c 1 -W 1 -s 70000 127.0.0.1
ping -c 1 -t 255 127.0.0.1
ping -c 1 -t 0 127.0.0.1
ping -c 1 -W 0.5 127.0.0.1
ping -c 1 -W abc 127.0.0.1
ping -c 1 -w 0 127.0.0.1
ping -c 1 -p ff 127.0.0.1
ping -c 1 -p zz 127.0.0.1
ping -c 3 -l 3 -q 127.0.0.1
ping -c 1 -Q 0x10 127.0.0.1
ping -c 1 -Q 300 127.0.0.1
ping -c 1 127.1
ping -c 1 0x7f000001
ping -c 1 2130706433
ping -c 1 0
ping -c 1 127.0.0.1 127.0.0.2
ping -c 1 -4 127.0.0.1
ping -c 1 -6 127.0.0.1
ping -c 1 -n localhost
ping -c 1 -I lo 127.0.0.1
ping -c 1 -D 127.0.0.1 -q
ping -h
