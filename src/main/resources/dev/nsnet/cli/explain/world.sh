# The physical world of every model: node1 (this host) and node2 are servers cabled to one
# top-of-rack switch, 192.168.1.0/24. node2 stands for "another machine on the wire".
nsnet-world host add node2
nsnet-world nic add node1 eth0 address 52:54:00:00:00:0a
nsnet-world nic add node2 eth0 address 52:54:00:00:00:14
nsnet-world switch add tor
nsnet-world switch port tor node1:eth0
nsnet-world switch port tor node2:eth0
ip link set lo up
ip addr add 192.168.1.10/24 dev eth0
ip link set eth0 up
nsnet-world exec node2 ip link set lo up
nsnet-world exec node2 ip addr add 192.168.1.20/24 dev eth0
nsnet-world exec node2 ip link set eth0 up
# observation rules on node1: one counting rule (no target) at each of the five hooks
iptables -t mangle -A PREROUTING
iptables -t mangle -A INPUT
iptables -t mangle -A FORWARD
iptables -t mangle -A OUTPUT
iptables -t mangle -A POSTROUTING
