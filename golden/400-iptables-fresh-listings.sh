# iptables in a fresh netns: empty listings of every table (built-in chains only, policies ACCEPT), -S forms, iptables-save prints nothing until a table is written, unknown table
iptables -L
iptables -L -n -v
iptables -L -n -v -x --line-numbers
iptables -S
iptables -t nat -L
iptables -t nat -S
iptables -t raw -S
iptables -t raw -L -n
iptables -t mangle -L -n -v
iptables -t mangle -S
iptables-save
iptables -t bogus -L
iptables -t filter -L INPUT
iptables -L FORWARD -n
iptables -S OUTPUT
iptables -A INPUT -s 1.1.1.1 -j ACCEPT
iptables-save
iptables -F
iptables-save
iptables-save -t nat
iptables -t nat -N zz
iptables -t raw -A OUTPUT -j ACCEPT
iptables -t mangle -A INPUT -j ACCEPT
iptables-save
iptables-save -t raw
