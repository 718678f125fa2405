# passthru: inherits the lower's MAC, must be alone on its lower device
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add up0 address 02:00:00:00:00:01 type veth peer name up1 address 02:00:00:00:00:02
ip link add link up0 name mv0 type macvlan mode passthru
ip link add link up0 name mv1 address 02:00:00:00:01:02 type macvlan mode bridge
ip -d link show mv0
ip -j -d link show mv0
ip link del mv0
ip link add link up0 name mv1 address 02:00:00:00:01:02 type macvlan mode bridge
ip link add link up0 name mv0 type macvlan mode passthru
ip link add link up0 name mv2 address 02:00:00:00:01:03 type macvlan mode source
ip -d link show mv2
ip -j -d link show mv2
ip link help macvlan
ip link add link up0 name mv3 type macvlan help
