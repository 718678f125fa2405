#!/usr/bin/env bash
# Installs the Debian 12 tools that the golden recorder and later work need
# (iproute2 6.1, iputils-ping 20221126, procps sysctl, iptables, conntrack, tcpdump), and Debian's
# chromium + chromium-driver for the browser tests of nsnet serve (src/test/java/dev/nsnet/web).
# Idempotent: only packages that are not installed yet are fetched.
set -euo pipefail
pkgs=(iputils-ping iproute2 procps iptables conntrack tcpdump chromium chromium-driver)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all present (${pkgs[*]})"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing ${missing[*]}; run as root" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y iputils-ping iproute2 procps iptables conntrack tcpdump chromium chromium-driver
