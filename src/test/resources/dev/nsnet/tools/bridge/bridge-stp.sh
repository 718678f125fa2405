# kernel STP on a root bridge: ports go listening -> learning -> forwarding one forward delay (2 s)
# each, configuration BPDUs (52 bytes) leave every hello time (2 s) and end in the peer's LLC; the
# checks sit mid-way between state changes (timer values themselves are wall-clock noise)
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add br0 address 02:00:00:00:0b:00 type bridge stp_state 1 forward_delay 200 mcast_snooping 0
ip link add v1 address 02:00:00:00:00:01 type veth peer name v1p address 02:00:00:00:01:01
ip link set v1 master br0
ip link set v1 up
ip link set v1p up
ip link set br0 up
bridge link
ip link show br0
ping -q -c 4 127.0.0.1
bridge link
ip link show br0
ping -q -c 3 127.0.0.1
bridge link
ip link show br0
ip -s link show v1
ip -s link show v1p
ip link set br0 type bridge stp_state 0
bridge link
ip link set v1 down
ip link set v1 up
bridge link
