# ip addr errors for missing/wrong arguments: add without dev or prefix, /33, malformed addresses (10.0.0/24 is accepted as 10.0.0.0/24), bad broadcast/scope/label/lifetimes, del/flush/show forms, change/replace create and keep the old label
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip addr add 10.0.0.1/24
ip addr add dev veth0
ip addr add 10.0.0.1/33 dev veth0
ip addr add 10.0.0.1/-1 dev veth0
ip addr add 10.0.0/24 dev veth0
ip addr add 10.0.0.1.5/24 dev veth0
ip addr add 10.0.0.1/24 dev nope
ip addr add 10.0.0.1/24 dev veth0 broadcast 10.0.0
ip addr add 10.0.0.1/24 dev veth0 brd
ip addr add 10.0.0.1/24 dev veth0 scope nope
ip addr add 10.0.0.1/24 dev veth0 label foo
ip addr add 10.0.0.1/24 dev veth0 label veth0:averyveryverylong
ip addr add 10.0.0.1/24 dev veth0 label veth0:1
ip addr add 10.0.0.1/24 dev veth0 frobnicate
ip addr add 10.0.0.2/24 dev veth0 dev veth1
ip addr add 10.0.0.3/24 dev veth0 valid_lft abc
ip addr add 10.0.0.4/24 dev veth0 preferred_lft 100 valid_lft 50
ip addr del
ip addr del 10.0.0.1/24
ip addr del 10.0.0.1/24 dev nope
ip addr del 10.0.0.9/24 dev veth0
ip addr flush
ip addr flush dev nope
ip addr flush dev veth1
ip addr show dev nope
ip addr show nope
ip addr show label
ip addr show scope nope
ip addr show to 10.0.0.300
ip addr change 10.0.0.9/24 dev veth0
ip addr replace 10.0.0.1/24 dev veth0 label veth0:9
ip addr show dev veth0
ip -6 addr add 10.0.0.1/24 dev veth0
ip -4 addr add ::1/128 dev veth0
ip addr
