# raising lo in a fresh netns with IPv6 left on: 127.0.0.1/8 and ::1/128, local routes, loopback pings
ip link set lo up
ip link show lo
ip addr show lo
ip route show
ip route show table local
ip -6 route show table all
ip route show table all
ping -c 1 127.0.0.1
ping -c 2 -i 0.2 127.1.2.3
ping -c 1 -n localhost
