# fuzz seed 169 (generator v7 run; also seen in the v4 run): iptables-restore's ':CHAIN - [p:b]' for a built-in
# chain recreates the nf_tables base chain with counters (its policy counts from 0; with -c from [p:b])
sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
ip link set lo up
echo -e "*filter\n:OUTPUT -\nCOMMIT" | iptables-restore
ping -c 1 -W 1 -q 127.0.0.1
iptables -L OUTPUT -n -v -x
iptables -A OUTPUT -d 10.9.9.9 -j DROP
iptables -A INPUT -d 10.9.9.9 -j DROP
echo -e "*filter\n:INPUT - [3:4]\nCOMMIT" | iptables-restore --noflush
ping -c 1 -W 1 -q 127.0.0.1
iptables -L -n -v -x
echo -e "*filter\n:FORWARD - [3:4]\nCOMMIT" | iptables-restore -c
iptables -L FORWARD -n -v -x
