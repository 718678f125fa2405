#!/usr/bin/env bash
# Runs shell commands in a fresh, private network + mount namespace (the "fresh world" of
# CONFORMANCE.md) so developers can see what the real kernel and tools do, without touching the host.
# usage: scripts/sandbox.sh 'ip link add a type veth peer name b; ip link show'
set -u
if [ "$(id -u)" != 0 ]; then echo "sandbox.sh: needs root (unshare --net --mount)" >&2; exit 2; fi
if [ "${NSNET_IN_SANDBOX:-}" != 1 ]; then
  exec env NSNET_IN_SANDBOX=1 NSNET_OUTER_NET="$(readlink /proc/self/ns/net)" \
    unshare --net --mount --propagation private -- bash "$0" "$@"
fi
[ "$(readlink /proc/self/ns/net)" != "${NSNET_OUTER_NET:-}" ] || { echo "FATAL: not in a private netns" >&2; exit 1; }
[ "$(ip -o link show | awk -F': ' '{print $2}' | tr '\n' ' ')" = "lo " ] || { echo "FATAL: sandbox not fresh" >&2; exit 1; }
if [ ! -d /run/netns ]; then mount -t tmpfs -o size=16m,mode=755 nsnet-run /run; mkdir -p /run/netns; fi
mount -t tmpfs -o size=16m,mode=755 nsnet-netns /run/netns || exit 1
# At the end, processes the commands left behind (e.g. `nc -l 8080 &`) are killed by PID: those in the
# named namespaces created here and those in the sandbox's own root namespace (never anything else).
cleanup() {
  local n p me; me="$(readlink /proc/self/ns/net)"
  for n in $(ip netns list 2>/dev/null | awk '{print $1}'); do
    for p in $(ip netns pids "$n" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
    ip netns del "$n" 2>/dev/null
  done
  for p in /proc/[0-9]*; do
    p="${p#/proc/}"
    [ "$p" != "$$" ] && [ "$(readlink "/proc/$p/ns/net" 2>/dev/null)" = "$me" ] && kill -9 "$p" 2>/dev/null
  done
}
trap cleanup EXIT
timeout 60 bash -c "$*"
