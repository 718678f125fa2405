# Recorded on the real kernel with scripts/sandbox.sh running each line as "printf %s\\n \"$ LINE\"; LINE 2>&1; [exit N]" (see IpL3TranscriptTest)
ip link set lo up
ip -s addr show lo
ip -s -4 addr show lo
ip -s -j addr show lo
ip -d addr show lo
ip -s -s addr show lo
