# ip rule: automatic preferences (32765 downwards, then below the lowest), explicit pref, selectors (from/to/iif/oif/tos/not), actions (lookup/blackhole/unreachable/prohibit), JSON, show filters, flush
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip rule add from 10.0.0.1 table 100
ip rule add from 10.0.0.2 table 101
ip rule add to 10.9.0.0/16 table 102
ip rule show
ip rule add from 10.0.0.3 table 103 pref 100
ip rule add from 10.0.0.4 table 104
ip rule add to 10.8.0.0/16 prohibit
ip rule add to 10.7.0.0/16 unreachable pref 500
ip rule add to 10.6.0.0/16 blackhole pref 501
ip rule add iif lo table 105 pref 600
ip rule add oif lo table 106 pref 601
ip rule add tos 0x10 table 107 pref 602
ip rule add not from 10.0.0.0/8 table 108 pref 603
ip rule add from 10.0.0.5 table 100 pref 32766
ip rule add from all table main pref 700
ip rule show
ip rule show pref 500
ip rule show table 100
ip rule show from 10.0.0.1
ip -j rule show
ip -j -p rule show pref 603
ip -j rule show pref 500
ip rule add from 10.0.0.1 table 100 pref 32765
ip rule add from 10.0.0.1 table 100
ip rule show from 10.0.0.1
ip rule del from 10.0.0.1 table 100
ip rule show from 10.0.0.1
ip rule del from 10.0.0.1 table 100
ip rule del from 10.0.0.1 table 100
ip rule del pref 12345
ip rule flush
ip rule show
ip rule add from 10.0.0.9 table 100
ip rule show
