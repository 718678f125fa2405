# fuzz seed 60: nsnet differs from the real kernel in `ip netns exec h2 ping -c 2 -W 1 -i 0.3 -s 1400 -t 64 -w 2 172.16.1.99` (shrunk from 144 to 17 commands)
#    PING 172.16.1.99 (172.16.1.99) 1400(1428) bytes of data.
#    
#    --- 172.16.1.99 ping statistics ---
#   -4 packets transmitted, 0 received, 100% packet loss, time Xms
#   +7 packets transmitted, 0 received, 100% packet loss, time Xms
#    
#    [exit 1]
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
ip netns add h1
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip netns add h2
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add eth0 netns h1 address 02:00:00:01:00:01 type veth peer name eth0 netns h2 address 02:00:00:01:00:02
ip -n h1 addr add 172.16.1.1/24 dev eth0
ip -n h2 addr add 172.16.1.2/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip -n h1 link set lo up
ip -n h2 link set lo up
sleep 1
ip netns exec h2 ping -c 2 -W 1 -i 0.3 -s 1400 -t 64 -w 2 172.16.1.99
