# Route type nat (and xresolve): iproute2 6.1 gives nat scope host by default, which the kernel refuses
# ("Invalid scope": fib_props[RTN_NAT].scope is nowhere); with scope 255 nat and xresolve are
# accepted like the reject types (no gateway or device), nat in table local; lookups hitting them
# fail with EINVAL; `route del nat` without scope 255 matches nothing (iproute2 sends scope host).
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip route add nat 10.0.0.1 via 1.2.3.4
ip route add nat 10.0.0.0/24 dev lo
ip route add nat 10.0.0.1
ip route add table 100 nat 10.0.0.2 via 127.0.0.2
ip route replace nat 10.0.0.1 via 1.2.3.4
ip route del nat 10.0.0.1
ip route add nat 10.0.0.1/24 dev lo
ip route add nat 10.0.0.1 dev nosuch
ip route add nat 10.0.0.1 scope host
ip route add nat 10.0.0.1 scope 255
ip route add nat 10.0.0.3 via 127.0.0.2 scope 255
ip route add nat 10.0.0.4 dev lo scope 255
ip route add blackhole 10.0.1.0/24 scope 255
ip route add unreachable 10.0.2.0/24 scope host
ip route add 10.0.3.0/24 dev lo scope 255
ip route add xresolve 10.0.5.0/24 scope 255
ip route add nat 10.0.0.1/24 scope 255
ip route add nat 10.0.0.7 scope 255 table 100
ip route show
ip route show table local type nat
ip route show table 100
ip route get 10.0.0.1
ip route get 10.0.1.1
ip route del nat 10.0.0.1
ip route del nat 10.0.0.1 scope 255
ip route show table local type nat
ip route del 10.0.5.0/24
ip route show
