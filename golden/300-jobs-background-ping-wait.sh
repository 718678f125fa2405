# A ping in the background while other lines run, then wait: its replies land under whichever line
# runs when they are written (non-interactive bash prints no job notices).
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
sysctl -q -w net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip netns add ns1
ip netns exec ns1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link set veth1 netns ns1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip -n ns1 addr add 10.0.0.2/24 dev veth1
ip -n ns1 link set veth1 up
ip -n ns1 link set lo up
ping -q -c 2 127.0.0.1
ping -c 3 -i 0.5 10.0.0.2 &
jobs
echo between
wait
jobs
# two jobs at once, one in each direction; wait for each by job number (1 s apart: a loaded recorder
# once let `jobs` run after the 0.4 s second reply)
ping -c 2 -i 1 10.0.0.2 &
ip netns exec ns1 ping -c 2 -i 1 10.0.0.1 &
jobs
wait %1
wait %2
# a job that fails: wait returns its status
ping -c 1 -W 1 10.0.0.9 &
wait %1
ping -q -c 1 -W 1 10.0.0.9 &
jobs
ping -q -c 2 127.0.0.1
jobs
