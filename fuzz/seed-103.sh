# fuzz seed 103: nsnet differs from the real kernel in `ping -c 1 -W 1 -q 10.0.2.1` (shrunk from 30 to 10 commands)
#    PING 10.0.2.1 (10.0.2.1) 56(84) bytes of data.
#    
#    --- 10.0.2.1 ping statistics ---
#   -1 packets transmitted, 0 received, 100% packet loss, time Xms
#   -
#   -[exit 1]
#   +1 packets transmitted, 1 received, 0% packet loss, time Xms
#   +rtt min/avg/max/mdev = X
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip addr add 10.0.0.1/8 dev lo
ip link add veth3 address 02:00:00:00:00:01 type veth peer name veth2 address 02:00:00:00:00:02
ping -q -c 2 127.0.0.1
ip addr add 10.0.3.254/16 dev veth3
ip link set dev veth3 up
ping -q -c 2 127.0.0.1
ping -c 1 -W 1 -q 10.0.2.1
