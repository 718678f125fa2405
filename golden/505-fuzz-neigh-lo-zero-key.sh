# neighbours on lo (fuzz seeds 2 and 7): every lo entry is keyed 0.0.0.0 (arp_constructor), so ip neigh add X dev lo finds no X, creates nothing new and rewrites the lladdr of the 0.0.0.0 entry loopback traffic uses: loopback pings are then lost (the frames carry a foreign MAC); get/del by X find nothing; add 0.0.0.0 exists
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
ip neigh show nud all dev lo
ip neigh add 10.0.3.3 lladdr 02:00:00:00:00:01 dev lo nud noarp
ip neigh show nud all dev lo
ip neigh get 10.0.3.3 dev lo
ip neigh del 10.0.3.3 dev lo
ip neigh add 0.0.0.0 lladdr 02:00:00:00:00:09 dev lo
ping -q -c 1 -W 1 127.0.0.1
ip neigh add 10.0.1.9 lladdr 02:00:00:00:00:01 dev lo nud stale
ip neigh show dev lo
ping -q -c 2 -W 1 127.0.0.1
ip neigh show dev lo
ip neigh replace 10.0.1.9 lladdr 00:00:00:00:00:00 dev lo nud permanent
ip neigh show dev lo
ping -q -c 2 -W 1 127.0.0.1
ip neigh del 0.0.0.0 dev lo
ping -q -c 2 -W 1 127.0.0.1
ip neigh show nud all dev lo
