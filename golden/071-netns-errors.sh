# ip netns errors: duplicate add, del/exec/-n of a missing netns, bad exec command, exit status passthrough, bad names
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add a
ip netns del nope
ip netns exec nope ip link
ip -n nope link
ip -n nope addr add 10.0.0.1/24 dev lo
ip netns exec a nosuchcmd
ip netns exec a false
ip netns exec a sysctl net.ipv4.nope
ip netns exec a
ip netns exec
ip netns add
ip netns add a/b
ip netns add ..
ip netns pids nope
ip link add veth0 type veth peer name eth0 netns nope
ip link set lo netns nope
ip netns foo
ip netns list
