# fuzz generator v6 seeds 142, 172, 224, 280, 241: macvlan flags (nopromisc only with passthru on the same
# command line, nodst anywhere), the lower's promiscuity (unicast list of up macvlans, passthru), a
# passthru macvlan has the lower's MAC whatever address it was given, sets the lower's MAC, follows it
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add up0 address 02:00:00:00:00:01 type veth peer name up1 address 02:00:00:00:00:02
ip link add link up0 name mv1 address 02:00:00:00:01:02 type macvlan mode bridge
ip -d link show up0
ip link set mv1 up
ip -d link show up0
ip link set up0 up
ip -d link show up0
ip link set mv1 down
ip -d link show up0
ip link del mv1
ip link add link up0 name mv0 address 02:00:00:00:01:05 type macvlan mode passthru
ip link set mv0 up
ip -d link show up0
ip -d link show mv0
ip link set mv0 type macvlan flag nopromisc
ip -d link show up0
ip link set mv0 address 02:00:00:00:01:09
ip link show up0
ip link show mv0
ip link set up0 address 02:00:00:00:01:0a
ip link show mv0
ip link del mv0
ip -d link show up0
ip link add link up0 name mv0 address 02:00:00:00:01:01 type macvlan mode passthru flag nopromisc
ip link set mv0 up
ip -d link show mv0
ip -j -d link show mv0
ip -d link show up0
ip link set mv0 type macvlan mode passthru flag null
ip -d link show up0
ip link del mv0
ip link add link up0 name mv1 address 02:00:00:00:01:02 type macvlan mode source flag nodst
ip -d link show mv1
ip link add link up0 name mv2 address 02:00:00:00:01:03 type macvlan mode bridge flag null
ip link add link up0 name mv3 address 02:00:00:00:01:04 type macvlan mode bridge flag bogus
ip link add link up0 name mv3 address 02:00:00:00:01:04 type macvlan flag nopromisc
ip link add link up0 name mv3 address 02:00:00:00:01:04 type macvlan mode bridge flag nodst
ip link add link up0 name mv4 address 02:00:00:00:01:05 type macvlan mode bridge flag
ip link set mv2 type macvlan flag nodst
ip -d link show mv2
ip link set mv2 type macvlan mode source flag nodst
ip link set mv2 type macvlan flag null
ip -d link show mv2
ip link set mv3 type macvlan mode vepa
ip -d link show mv3
ip link set mv3 up
ip link set up0 down
ip link set mv3 down
ip -d link show up0
ip link set up0 up
ip -d link show up0
