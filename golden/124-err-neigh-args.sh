# ip neigh errors for missing/wrong arguments: no dev, no address, bad lladdr/nud/address, a 7-byte lladdr (truncated), duplicates, replace/change of absent entries, get/flush/show forms, an entry on lo (keyed 0.0.0.0)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02
ip neigh add dev veth0
ip neigh add lladdr 02:00:00:00:00:02 dev veth0
ip neigh add 10.0.0.300 lladdr 02:00:00:00:00:02 dev veth0
ip neigh add 10.0.0.2 lladdr 02:00:00:00:00 dev veth0
ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02:03 dev veth0
ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev veth0 nud nope
ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev veth0 frobnicate
ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev nope
ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev veth0 nud incomplete
ip neigh add 10.0.0.2 dev veth0
ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev lo
ip neigh show dev lo
ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev veth0
ip neigh show dev veth0
ip neigh add proxy 10.0.0.9
ip neigh replace 10.0.0.3 lladdr 02:00:00:00:00:03 dev veth0
ip neigh show 10.0.0.3
ip neigh change 10.0.0.4 lladdr 02:00:00:00:00:04 dev veth0
ip neigh del 10.0.0.2
ip neigh del dev veth0
ip neigh get 10.0.0.2
ip neigh get dev veth0
ip neigh get 10.0.0.2 dev nope
ip neigh show dev nope
ip neigh show nud nope
ip neigh show 10.0.0.300
ip neigh flush dev nope
ip neigh flush all
ip neigh show 10.0.0.2 dev veth0
