# ip rule errors: bad selectors and values, unknown table name, duplicate with the same pref (File exists), a rule without table (lookup main), iif of a missing device ([detached]), deleting absent rules and pref 0, flush by table
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip rule add from 10.0.0.0/33 table 100
ip rule add from 10.0.0.300 table 100
ip rule add to nope table 100
ip rule add table nope
ip rule add from 10.0.0.1 lookup
ip rule add pref abc table 100
ip rule add pref -1 table 100
ip rule add tos nope table 100
ip rule add fwmark nope table 100
ip rule add frobnicate table 100
ip rule add from 10.0.0.1 table 100 pref 200
ip rule add from 10.0.0.1 table 100 pref 200
ip rule add from 10.0.0.1 table 101 pref 200
ip rule add from 10.0.0.2
ip rule add iif nope table 100 pref 300
ip rule show
ip rule del pref 12345
ip rule del from 10.9.9.9
ip rule del table 555
ip rule del
ip rule del pref 0
ip rule show
ip rule show table nope
ip rule show pref abc
ip rule list frobnicate
ip rule flush table 100
ip rule show
