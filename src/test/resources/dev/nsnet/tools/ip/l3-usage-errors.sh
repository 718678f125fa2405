# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest)
ip addr help
ip rule help
ip addr foo
ip rule foo
ip addr add
ip addr show dev
ip route show table
ip rule add from
ip route add 10.0.0.0/8 via
ip route get 10.0.0.1 from 10.0.0.300
ip -4 route add 10.0.0.0/8 via ::1
ip route add 10.0.0.0/8 metric abc
ip route show proto nope
ip route show scope nope
ip route show type nope
ip addr show scope nope
ip rule add pref abc
ip rule add fwmark 0x1/zz
ip addr add 10.0.0.1/24 dev lo valid_lft 10 preferred_lft 20
ip addr add 10.0.0.1/24 dev lo tentative
ip addr add 10.0.0.1/24 dev lo nodad
