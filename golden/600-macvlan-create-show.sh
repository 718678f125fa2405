# macvlan creation: default mode (vepa), each mode's `ip -d link` form, JSON, errors
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add up0 address 02:00:00:00:00:01 type veth peer name up1 address 02:00:00:00:00:02
ip link add name mv0 type macvlan
ip link add link nope name mv0 type macvlan
ip link add link up0 name mv0 type macvlan mode foo
ip link add link up0 name mv0 type macvlan mode
ip link add link up0 name mv0 type macvlan foo
ip link add link lo name mv0 type macvlan
ip link add link up0 name mv0 address 02:00:00:00:01:01 type macvlan
ip link add link up0 name mv1 address 02:00:00:00:01:02 type macvlan mode bridge
ip link add link up0 name mv2 address 02:00:00:00:01:03 type macvlan mode private
ip link add link up0 name mv3 address 02:00:00:00:01:04 type macvlan mode passthru
ip link add link up0 name mv4 address 02:00:00:00:01:05 type macvlan mode vepa
ip link add link mv1 name mv5 address 02:00:00:00:01:06 type macvlan mode bridge
ip link add link up0 name mv6 mtu 1600 address 02:00:00:00:01:07 type macvlan
ip -d link show mv0
ip -d link show mv1
ip -d link show mv2
ip -d link show mv5
ip -j -d link show mv1
ip link show
ip link set mv1 mtu 1600
ip link set mv1 mtu 1400
ip link set up0 mtu 1300
ip link show mv1
ip link show mv2
ip link set up0 up
ip link set mv0 up
ip link set mv2 address 02:00:00:00:01:01
ip link set mv2 up
ip link set mv4 address 02:00:00:00:00:01
ip link set mv4 up
ip link show mv2
ip link del up0
ip link show
