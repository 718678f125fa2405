# ip link property/altname, addrgenmode, mode/state, protodown, vf, xdp off, link-netns(id), xstats/afstats (sandbox-recorded)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link property add dev veth0 altname foo0
ip link show veth0
ip link show foo0
ip -j link show foo0
ip link property add dev veth0 altname foo0
ip link property del dev veth0 altname foo0
ip link property del dev veth0 altname foo0
ip link property add dev veth0 altname veth1
ip link property add veth0 altname a1 altname a2
ip -d link show veth0
ip link set foo0 up
ip link set a1 up
ip -br link
ip link set dev veth0 name veth9
ip link show a1
ip link property
ip link property help
ip link set veth9 name veth0
ip link set veth0 txqlen 500
ip link set veth0 qlen 600
ip link set veth0 txqueuelen abc
ip link set veth0 mtu abc
ip link set veth0 mtu 0
ip link set veth0 address zz
ip link set veth0 address 01:00:00:00:00:01
ip link set veth0 address 00:00:00:00:00:00
ip link set veth0 address 02:00:00:00:00:01:02
ip link set veth0 broadcast 02:00:00:00:00:ff
ip link set veth0 brd ff:ff:ff:ff:ff:ff
ip link show veth0
ip link set veth0 arp on arp off
ip link set veth0 up down
ip link set veth0 carrier off
ip link set veth0 protodown on
ip link set veth0 protodown_reason 0 on
ip link set veth0 netns abc1
ip link set veth0 netns abc
ip link set veth0 gso_max_size 30000
ip link set veth0 gso_max_segs 100
ip link set veth0 gro_max_size 30000
ip -d link show veth0
ip link set veth0 numtxqueues 3
ip link set veth0 addrgenmode none
ip link set veth0 addrgenmode eui64
ip link set veth0 addrgenmode foo
ip link set veth0 mode dormant
ip link set veth0 state up
ip link set veth0 link-netnsid 0
ip link set veth0 master veth1
ip link set veth0 xdp off
ip link set veth0 vf 0 mac 02:00:00:00:00:01
ip link set veth0 group default
ip link set veth0 group 300
ip link set veth0 group abc
ip link show group 300
ip link set veth0 alias "hello world"
ip link show veth0
ip -j link show veth0
ip link set veth0 alias ""
ip link set veth0 mtu 9000
ip link set veth0 mtu 65536
ip link set veth0 mtu 67
ip link show veth0
ip link del veth0
ip netns add c
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link property add dev veth0 altname averyveryverylongname0123456789
ip link show averyveryverylongname0123456789
ip link set averyveryverylongname0123456789 up
ip link property add dev veth0 altname "a b"
ip link property add dev veth0 altname a/b
ip link property add dev veth0 altname ""
ip link property add dev veth0 altname lo
ip link property add dev veth0
ip link property add dev nope altname x
ip link property add altname x
ip link property add dev veth0 foo x
ip link property del dev veth0
ip link property frob dev veth0 altname x
ip link property add dev veth0 altname x1 altname x1
ip link property add dev veth1 altname x2
ip link property add dev veth0 altname x2
ip link set veth1 name x2
ip link set veth1 name averyveryverylongname0123456789
ip -br link
ip -o link show veth0
ip -br link show x2
ip link property del dev veth0 altname x2
ip link property del dev veth0 altname veth0
ip link set veth1 netns c
ip -n c link show
ip -n c link show x2
ip link del x2
ip link add veth1 address 02:00:00:00:00:02 type veth peer name veth2 address 02:00:00:00:00:03
ip link property add dev veth1 altname z1
ip link del z1
ip link show veth2
ip addr show dev veth0
ip -j addr show dev veth0
ip -d addr show dev veth0
ip link add v5 address 02:00:00:00:00:05 type veth peer name v6 address 02:00:00:00:00:06
ip link set v5 addrgenmode none
ip -d link show v5
ip -j -d link show v5
ip link set v5 addrgenmode random
ip -d link show v5
ip link set v5 addrgenmode stable_secret
ip link set v5 mtu 1000
ip -d link show v5
ip link set v5 addrgenmode eui64
ip link set v5 mtu 1500
ip -d link show v5
ip link set v5 mode dormant
ip link set v6 up
ip link set v5 up
ping -q -c 1 127.0.0.1
ip link show v5
ip link set v5 state up
ip link show v5
ip link set v5 state dormant
ip link set v5 state foo
ip link set v5 state UP
ip link show v5
ip link set v5 mode default
ip link show v5
ip link set v5 mode foo
ip link set v5 state testing
ip link show v5
ip link set v5 link-netnsid 5
ip link set v5 link-netns c
ip link set v5 xdp off
ip link set v5 xdpgeneric off
ip link set v5 xdp foo
ip link set v5 vrf nope
ip link set v5 protodown off
ip netns add a
ip netns add b
ip link add w0 address 02:00:00:00:01:01 type veth peer name w1 address 02:00:00:00:01:02
ip link xstats
ip link xstats help
ip link xstats type
ip link xstats type veth
ip link xstats type nope
ip link xstats foo
ip link xstats type bond
ip -j link xstats type bridge
ip link xstats type bridge
ip link afstats
ip -j link afstats
ip link afstats dev w0
ip link afstats dev nope
ip link afstats foo
ip netns list
ip link set w0 link-netns a
ip netns list
ip netns list-id
ip link set w0 link-netnsid 0
ip link set w0 link-netns a link-netnsid 0
ip link set w0 link-netnsid 1
ip link set w0 mode dormant up
ip link set w1 up
ping -q -c 1 127.0.0.1
ip -br link
ip -j link show w0
ip link set w0 state dormant
ip link set w0 state up
ip link set w1 down
ip link set w1 up
ping -q -c 1 127.0.0.1
ip -br link
ip link set w0 state testing
ip -br link show w0
ip link set w0 mode default
ip link set w1 down
ip link set w1 up
ping -q -c 1 127.0.0.1
ip -br link
ip link property add dev w1 altname peer1
ip link set w1 netns b
ip -n b link show peer1
ip -n b link property del dev peer1 altname peer1
ip -n b link show w1
ip link show w0
