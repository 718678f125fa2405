#!/usr/bin/env bash
# Installs the Debian 12 tools that the golden recorder and later work need
# (iproute2 6.1, iputils-ping 20221126, procps sysctl, iptables, conntrack, tcpdump), Debian's
# chromium + chromium-driver for the browser tests of nsnet serve (src/test/java/dev/nsnet/web),
# and tshark, which reads nsnet's pcap files back in the tcpdump tests.
# Idempotent: only packages that are not installed yet are fetched.
set -euo pipefail
pkgs=(iputils-ping iproute2 procps iptables conntrack tcpdump chromium chromium-driver tshark)
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
# tshark's wireshark-common asks whether non-root users may capture: no
echo 'wireshark-common wireshark-common/install-setuid boolean false' | debconf-set-selections
apt-get update
apt-get install -y iputils-ping iproute2 procps iptables conntrack tcpdump chromium chromium-driver tshark
