# kill of background jobs: SIGTERM ends ping silently (no handler), SIGINT makes it print its statistics;
# a job that ended is gone from the table at the next line, so wait %N says no such job.
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
ping -c 20 10.0.0.2 &
ping -q -c 2 127.0.0.1
kill %1
jobs
wait %1
ip netns exec ns1 ping -c 20 10.0.0.1 &
ping -q -c 2 127.0.0.1
kill -INT %1
jobs
ping -c 20 -i 0.5 10.0.0.2 &
ping -q -c 20 -i 0.5 127.0.0.1 &
jobs
kill -s INT %2
kill -TERM %%
jobs
ping -c 20 -q 10.0.0.2 &
kill -15 %1
wait
