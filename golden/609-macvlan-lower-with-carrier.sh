# a macvlan made on a lower that already has carrier is UP as soon as it is set up
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add up0 address 02:00:00:00:00:01 type veth peer name up1 address 02:00:00:00:00:02
ip link set up0 up
ip link set up1 up
sleep 1
ip link add link up0 name mv0 address 02:00:00:00:01:01 type macvlan mode bridge
ip link show mv0
ip link set mv0 up
ip link show mv0
ip link add link up0 name mv1 address 02:00:00:00:01:02 type macvlan
ip link set mv1 up
ip link show mv1
ip link set up1 down
sleep 1
ip link show mv1
ip link set up1 up
sleep 1
ip link show mv1
