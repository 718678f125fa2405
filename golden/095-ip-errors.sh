# ip front-end errors: unknown object/option/command, incomplete commands, help texts and their exit status, version, abbreviations that are too short or ambiguous
ip foo
ip -x link
ip -foo link
ip addr foo
ip route foo
ip neigh foo
ip link foo
ip rule foo
ip netns foo
ip link set
ip link add veth0
ip link add veth0 type veth peer
ip addr add
ip route add
ip -V
ip -Version
ip help
ip route help
ip neigh help
ip
ip -n
ip -4 -6 link
ip -j -br link
ip -s -s -s link show lo
