# ip neigh formats one entry at a time: PERMANENT/STALE/NOARP static entries (noarp without lladdr is refused), -j/-j -p (dev omitted when filtered by dev), nud filters, ip neigh get, proxy entries, -br and -o (proxy entries are listed before 'ip neigh get': once in a CI re-recording the kernel then also listed a device-less '10.0.0.9 proxy' entry)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ping -q -c 2 127.0.0.1
ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev veth0
ip neigh add 10.0.0.3 lladdr 02:00:00:00:00:03 dev veth0 nud stale
ip neigh add 10.0.0.4 lladdr 02:00:00:00:00:04 dev veth0 nud noarp
ip neigh add 10.0.0.5 dev veth0 nud noarp
ip neigh show 10.0.0.2 dev veth0
ip neigh show 10.0.0.3
ip neigh show 10.0.0.4 nud all
ip neigh show 10.0.0.5 nud noarp
ip -j neigh show 10.0.0.2 dev veth0
ip -j neigh show 10.0.0.3
ip -j -p neigh show 10.0.0.2
ip -j neigh show 10.0.0.4 nud noarp
ip -j neigh show 10.0.0.5 nud noarp
ip -j neigh show dev veth1
ip neigh show nud permanent
ip neigh show nud stale
ip -4 neigh show nud permanent
ip neigh get 10.0.0.2 dev veth0
ip neigh add proxy 10.0.0.50 dev veth0
ip neigh show proxy
ip -j neigh show proxy
ip neigh del proxy 10.0.0.50 dev veth0
ip neigh show proxy
ip neigh get 10.0.0.9 dev veth0
ip -br neigh show 10.0.0.2
ip -o neigh show 10.0.0.2
