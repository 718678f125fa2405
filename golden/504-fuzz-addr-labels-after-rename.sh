# address labels after a rename (fuzz seed 306): inetdev_changename gives the first address the bare new name and every later one its old alias suffix or :N (its position in the list); a suffix that does not fit cuts the name; the first address after a delete loses its suffix at the next rename
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ping -q -c 2 127.0.0.1
ip link add eth0 address 02:00:00:00:00:03 type veth peer name eth1 address 02:00:00:00:00:04
ip addr add 10.0.1.3/28 dev eth0
ip addr add 10.0.1.2/28 dev eth0
ip link set eth0 name veth0
ip addr show dev veth0
ip addr add 10.0.1.4/28 dev veth0 label veth0:web
ip addr add 10.0.2.1/24 dev veth0
ip addr add 10.0.1.5/28 dev veth0
ip link set veth0 name abcdefghijklmn
ip -4 -o addr show dev abcdefghijklmn
ip link set abcdefghijklmn name x
ip -4 -o addr show dev x
ip -4 addr show label x:2
ip addr del 10.0.1.3/28 dev x
ip -4 -o addr show dev x
ip link set x name y
ip -4 -o addr show dev y
ip -j addr show dev y
