# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest)
ip link set lo up
ip rule add type local
ip rule add type nat
ip rule add type anycast to 10.9.0.0/16
ip rule add goto 0
ip rule add pref 10 goto 20
ip rule add pref 20 nop
ip rule
ip -j rule show pref 10
ip route get 10.9.0.1
ip route get 10.8.0.1
ip rule del pref 32765
ip route get 10.8.0.1
