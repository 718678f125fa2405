# static neighbour entries: add (PERMANENT by default), nud stale/reachable/noarp (hidden unless nud noarp/all), replace, change, del, flush keeps PERMANENT, link down removes all; one entry per listing
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip neigh show
ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev veth0 nud permanent
ip neigh show
ip neigh show dev veth0
ip neigh show 10.0.0.7
ip neigh show 10.0.0.7 dev veth0
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip neigh show dev veth0
ip neigh del 10.0.0.7 dev veth0
ip neigh add 10.0.0.8 lladdr 02:00:00:00:00:08 dev veth0
ip neigh show dev veth0
ip neigh replace 10.0.0.8 lladdr 02:00:00:00:00:88 dev veth0 nud stale
ip neigh show dev veth0
ip neigh change 10.0.0.8 lladdr 02:00:00:00:00:89 dev veth0 nud reachable
ip neigh show dev veth0
ip neigh del 10.0.0.8 dev veth0
ip neigh show dev veth0
ip neigh replace 10.0.0.9 lladdr 02:00:00:00:00:09 dev veth0 nud noarp
ip neigh show 10.0.0.9 dev veth0
ip -j neigh show 10.0.0.9
ip -j -p neigh show dev veth0
ip -br neigh show dev veth0
ip neigh show nud noarp dev veth0
ip neigh show nud all dev veth0
ip -j neigh show nud noarp dev veth0
ip neigh show nud all dev lo
ip neigh del 10.0.0.9 dev veth0
ip neigh add 10.0.0.10 lladdr 02:00:00:00:00:0a dev veth0 nud stale
ip neigh show dev veth0
ip neigh flush dev veth0
ip neigh show dev veth0
ip neigh add 10.0.0.11 lladdr 02:00:00:00:00:0b dev veth0
ip neigh flush dev veth0
ip neigh show dev veth0
ip neigh show nud permanent
ip link set veth0 down
ip neigh show dev veth0
