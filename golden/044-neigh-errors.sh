# ip neigh error messages: duplicate add, delete/change of absent entries, bad lladdr, bad nud, unknown device, missing dev
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev veth0 nud permanent
ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev veth0 nud permanent
ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:08 dev veth0
ip neigh change 10.0.0.10 lladdr 02:00:00:00:00:09 dev veth0
ip neigh del 10.0.0.11 dev veth0
ip neigh add 10.0.0.12 lladdr zz dev veth0
ip neigh add 10.0.0.12 lladdr 02:00:00:00:00:12 dev nope
ip neigh add 10.0.0.12 lladdr 02:00:00:00:00:12 dev veth0 nud bogus
ip neigh add 10.0.0.12 lladdr 02:00:00:00:00:12
ip neigh add 10.0.0.300 lladdr 02:00:00:00:00:12 dev veth0
ip neigh show dev nope
ip neigh flush
ip neigh del 10.0.0.7
ip neigh show dev veth0
