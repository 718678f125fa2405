# conntrack's refusals: no command (usage), unknown options, options of a protocol not given, missing arguments, bad protocol/output/status/state, options illegal with the command, two commands, a stray word, -G without -p; exit 2 and the help hint; the lenient parses (inet_aton addresses, strtoul marks)
conntrack
conntrack -X
conntrack --foo
conntrack -L -p foo
conntrack -L -s
conntrack -L --dport 80
conntrack -L -p icmp --dport 1
conntrack -L -p tcp --state FOO
conntrack -L -L
conntrack -L -F
conntrack -L -o foo
conntrack -G -s 1.1.1.1
conntrack -L extra
conntrack -F -s 1.1.1.1
conntrack -C -s 1.1.1.1
conntrack -L -s 1.2.3
conntrack -L -s 10
conntrack -L -s 1.2.3.400
conntrack -L -s foo
conntrack -L --mark abc
conntrack -L -u FOO
conntrack -L -p tcp --state ESTABLISHED --dport 22
conntrack -L -f ipv6
conntrack -L -f foo
conntrack -L --src 1.1.1.1 --orig-dst 2.2.2.2
conntrack -L --pro tcp
conntrack -E -e FOO
conntrack -L -t 10
conntrack -D -t 10
conntrack -S
conntrack -S -s 1.1.1.1
