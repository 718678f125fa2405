# ip addr del/flush: deleting a primary drops its secondaries (promote_secondaries=0) or promotes one (=1); wildcard delete warning; flush by dev and by prefix
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.5/24 dev veth0
ip addr add 10.0.0.6/24 dev veth0
ip addr add 10.9.0.1/16 dev veth0
ip addr del 10.0.0.1/24 dev veth0
ip addr show dev veth0
sysctl -w net.ipv4.conf.veth1.promote_secondaries=1
ip addr add 10.0.0.1/24 dev veth1
ip addr add 10.0.0.5/24 dev veth1
ip addr add 10.0.0.6/24 dev veth1
ip addr del 10.0.0.1/24 dev veth1
ip addr show dev veth1
ip route show table local
ip addr add 10.0.0.3 dev veth0
ip addr del 10.0.0.3 dev veth0
ip addr show dev veth0
ip addr add 10.7.0.1/24 dev veth0
ip addr add 10.7.0.2/24 dev veth0
ip addr add 10.8.0.1/24 dev veth0
ip addr flush dev veth0 to 10.7.0.0/16
ip addr show dev veth0
ip addr flush dev veth0
ip addr show dev veth0
ip addr flush dev veth1
ip addr show
