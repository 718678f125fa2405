# ip netns beyond golden/01x (iproute2 6.1 ipnetns.c)
ip netns
ip netns list
ip netns add n1
ip netns add n1
ip netns add n2
ip netns add n3
ip netns
ip -j netns
ip -j -p netns list
ip netns show
ip netns identify
ip netns exec n2 ip netns identify
ip netns identify abc
ip netns identify 1 2
ip netns identify 999999
ip netns exec n1 foo
ip netns exec n4 true
ip netns exec n1
ip netns exec
ip netns exec n1 ip link
ip netns exec n1 ip -n n2 netns identify
ip -n n3 netns identify
ip netns set n1 5
ip netns set n2 5
ip netns set n1 6
ip netns set n3 auto
ip netns set n3 x
ip netns set n3 -2
ip netns set n9 1
ip netns set n3
ip netns set
ip netns list
ip netns list-id
ip netns list-id nsid 5
ip netns list-id nsid 3
ip netns list-id nsid x
ip netns list-id foo
ip -j netns list-id
ip -n n1 netns list-id
ip netns pids n1
ip netns pids n9
ip netns pids
ip netns pids n1 n2
ip netns add "x/y"
ip netns add ..
ip netns foo
ip netns help
ip netns del n9
ip netns del
ip netns del n3
ip netns list
ip -all netns exec ip link show lo
ip -all netns del
ip netns list
