# ip's global options and object selection (iproute2 6.1 ip.c)
ip -V
ip -Version
ip -x
ip foo
ip
ip help
ip -help
ip -n nope link
ip -netns nope link show
ip -f foo link
ip -family link link show lo
ip -b
ip -h link show lo
ip l
ip li sh lo
ip lin show dev lo
ip -o l
ip -c link show lo
ip -color=never link show lo
ip -N link show lo
ip --json link show lo
ip -json -pretty link show lo
ip -j -p -s link show lo
ip -4 link show lo
ip -0 link show lo
ip -r link show lo
ip -- link show lo
ip link foo
ip link help
ip link show help
ip link show lo lo
ip link show dev
ip -br -o link
ip -det link show lo
ip -stat -stat link show lo
ip -s -d link show lo
ip -br -s -d link
ip -br -j link
ip -br -j -p link
ip -o -s link show lo
ip -o -s -s link show lo
ip -o -d link show lo
ip -j link show nope
ip link show up
ip link set lo up
ip link show up
ip -o link show up
ip -br link show up
ip -d -j -p link show lo
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip -c link
ip -c -br link
ip -color=always -br -s link show lo
ip -c -j link show lo
ip -color=auto link show lo
ip -N -d link show v0
ip -c -o link show v1
ip link set v1 down
ip -c link show v0
