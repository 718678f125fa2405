# iptables command-line forms: long options and their abbreviations, clustered short options, -L with -Z, -V and -h, --line-numbers, options after the chain, -t given late
iptables -V
iptables --version
iptables --append INPUT --source 10.0.0.1 --jump ACCEPT
iptables --app INPUT --src 10.0.0.2 --protocol udp --destination-port 53 -j ACCEPT
iptables -AINPUT -s10.0.0.3 -jDROP
iptables --insert INPUT 2 --in-interface eth0 --jump DROP
iptables -nvL INPUT
iptables -L INPUT -n --line-numbers
iptables --list INPUT --numeric --verbose --exact
iptables --list-rules INPUT
iptables -S INPUT 2
iptables -L -Z INPUT -n -v
iptables -L INPUT -nv
iptables -Z -L INPUT -n -v
iptables --delete INPUT 1
iptables --flush INPUT
iptables --new-chain web
iptables --rename-chain web www
iptables --policy FORWARD DROP
iptables -L -n -t filter
iptables -S -t nat
iptables --delete-chain www
iptables --list-rules
iptables -h
iptables --help
