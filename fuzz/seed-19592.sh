# fuzz seed 19592: nsnet differs from the real kernel in `ip -o link show` (shrunk from 34 to 16 commands)
#    1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
#   -2: veth0@if3: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000\    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff link-netns a
#   +2: veth0@if3: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000\    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff link-netns a
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add a
ip netns exec a sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link add veth3 address 02:00:00:00:00:01 mtu 1400 type veth peer name veth0 address 02:00:00:00:00:02
ip link set veth3 netns a
ip neigh add 10.0.2.2 lladdr 02:00:00:00:00:03 dev veth0
ping -q -c 2 127.0.0.1
ping -q -c 2 127.0.0.1
ip netns exec a sysctl -w net.ipv4.ip_forward=1
ip link set dev veth0 up
ip netns add a
ping -q -c 2 127.0.0.1
ip netns exec a ip -o route show
ip -o link show
