# sysctl errors: unknown keys (read, -w, -q, -n), invalid values, missing value, bad option, no arguments
sysctl net.ipv4.nope
sysctl -n net.ipv4.nope
sysctl -q net.ipv4.nope
sysctl -w net.ipv4.nope=1
sysctl -w net.ipv4.ip_forward=abc
sysctl -w net.ipv4.ip_forward
sysctl -w net.ipv4.ip_default_ttl=0
sysctl -w net.ipv4.ip_default_ttl=256
sysctl -w net.ipv4.conf.all.rp_filter=9
sysctl net.ipv4.conf.nope.rp_filter
sysctl net.ipv4.ip_forward net.ipv4.nope net.ipv4.ip_default_ttl
sysctl -w net.ipv4.ip_forward=1 net.ipv4.nope=1 net.ipv4.ip_default_ttl=65
sysctl net.ipv4.ip_forward net.ipv4.ip_default_ttl
sysctl -z
sysctl
