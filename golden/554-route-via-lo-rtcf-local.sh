# A route out of lo makes every looped-back packet local (__mkroute_output sets RTCF_LOCAL for a loopback dev_out): the echo request to a foreign address is delivered (INPUT counts it) but its reply, from that foreign address, finds no route (fuzz seed 19372)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip route add default dev lo
ping -q -c 2 127.0.0.1
iptables -I INPUT -j ACCEPT
ping -c 1 -W 1 -q 10.0.0.3
iptables -L -n -v -x
