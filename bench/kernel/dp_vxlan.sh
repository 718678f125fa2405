#!/bin/bash
# Kernel yardstick for nsnet's `bench --only vxlan`: pod -> pod across two "nodes" over a VXLAN
# overlay, UDP with 64-byte payloads (iperf3 -u -l 64 -b 0), packets per second as the receiver
# counted them; then TCP Gbit/s. Nodes are network namespaces joined by a veth "underlay"
# (192.168.50.0/24); on each node a bridge holds the pod's veth and vx0 (VNI 42, dstport 4789,
# unicast remote), so every datagram is bridged, encapsulated, routed over the underlay,
# decapsulated and bridged again.
#
# Runs only inside a private network + mount namespace it creates for itself (unshare), on a
# private tmpfs /run/netns; nothing outside is configured. Needs root, iperf3, python3, taskset.
# Usage: sudo bash bench/kernel/dp_vxlan.sh            (REPS=5 SECS=5 by default)
#        TOPO=veth sudo bash bench/kernel/dp_vxlan.sh  (the same pods on one veth pair: a reference
#                                                      taken under the same machine load)
#        REPS=3 SECS=3 sudo bash bench/kernel/dp_vxlan.sh
set -u
REPS=${REPS:-5}
SECS=${SECS:-5}
CLI_CPU=${CLI_CPU:-0}
SRV_CPU=${SRV_CPU:-1}

if [ "${VXB_INSIDE:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "dp_vxlan.sh: needs root" >&2; exit 2; }
  for t in iperf3 python3 taskset unshare; do command -v "$t" >/dev/null || { echo "dp_vxlan.sh: $t missing" >&2; exit 2; }; done
  exec env VXB_INSIDE=1 VXB_OUTER="$(readlink /proc/self/ns/net)" unshare --net --mount --propagation private -- bash "$0" "$@"
fi
[ "$(readlink /proc/self/ns/net)" != "${VXB_OUTER:-}" ] || { echo "FATAL: not in a private netns" >&2; exit 1; }
[ "$(ip -o link show | wc -l)" = 1 ] || { echo "FATAL: the sandbox has more than lo" >&2; exit 1; }
[ -d /run/netns ] || { mount -t tmpfs -o size=16m,mode=755 vxb-run /run; mkdir -p /run/netns; }
mount -t tmpfs -o size=16m,mode=755 vxb-netns /run/netns || exit 1

SERVER_PIDS=()
finish() {
  local p n
  for p in "${SERVER_PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done
  for n in pa pb node1 node2; do ip netns del "$n" 2>/dev/null; done
}
trap finish EXIT

q() { "$@" || { echo "setup failed: $*" >&2; exit 1; }; }
for n in node1 node2 pa pb; do
  q ip netns add $n
  q ip -n $n link set lo up
  ip netns exec $n sysctl -q -w net.ipv6.conf.all.disable_ipv6=1
done
if [ "${TOPO:-vxlan}" = veth ]; then
  # the reference under the same load: the two pods on one veth pair, no overlay
  q ip -n pa link add eth0 address 02:00:00:00:0d:01 type veth peer name eth0 address 02:00:00:00:0d:02 netns pb
  for i in 1 2; do pod=$([ $i = 1 ] && echo pa || echo pb); q ip -n $pod addr add 10.10.0.$i/24 dev eth0; q ip -n $pod link set eth0 up; done
else
q ip -n node1 link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns node2
for i in 1 2; do
  o=$((3 - i))
  q ip -n node$i addr add 192.168.50.$i/24 dev eth0
  q ip -n node$i link set eth0 up
  q ip -n node$i link add vx0 address 02:00:00:00:01:0$i type vxlan id 42 dstport 4789 \
      remote 192.168.50.$o local 192.168.50.$i dev eth0
  q ip -n node$i link add br0 address 02:00:00:00:0b:0$i type bridge
  q ip -n node$i link set vx0 master br0
  pod=$([ $i = 1 ] && echo pa || echo pb)
  q ip -n node$i link add veth0 address 02:00:00:00:0c:0$i type veth peer name eth0 address 02:00:00:00:0d:0$i netns $pod
  q ip -n node$i link set veth0 master br0
  q ip -n node$i link set veth0 mtu 1450
  q ip -n $pod link set eth0 mtu 1450
  for d in vx0 veth0 br0; do q ip -n node$i link set $d up; done
  q ip -n $pod addr add 10.10.0.$i/24 dev eth0
  q ip -n $pod link set eth0 up
done
fi
sleep 1
ip netns exec pa ping -q -c 2 -W 1 10.10.0.2 >/dev/null || { echo "FATAL: pa cannot reach pb over the overlay" >&2; exit 1; }

# one iperf3 run: prints "pps" (udp64) or "gbps" (tcp)
run() {
  local mode=$1 dir; dir=$(mktemp -d /tmp/vxb.XXXXXX)
  ip netns exec pb timeout $((SECS + 20)) taskset -c "$SRV_CPU" iperf3 -s -1 -J -p 5201 >"$dir/s.json" 2>/dev/null &
  local spid=$!; SERVER_PIDS+=("$spid")
  local k; for k in $(seq 40); do ip netns exec pb ss -Hltn | grep -q ':5201' && break; sleep 0.05; done
  local extra=(); [ "$mode" = udp64 ] && extra=(-u -l 64 -b 0)
  ip netns exec pa timeout $((SECS + 15)) taskset -c "$CLI_CPU" iperf3 -c 10.10.0.2 -p 5201 -t "$SECS" -J "${extra[@]}" \
      >"$dir/c.json" 2>/dev/null
  wait "$spid" 2>/dev/null
  python3 - "$mode" "$dir/c.json" "$dir/s.json" <<'PY'
import json, sys
mode, cli, srv = sys.argv[1:]
try:
    c, s = json.load(open(cli)), json.load(open(srv))
    if mode == "udp64":
        r = s["end"]["sum"]
        t = c["end"]["sum"]
        print("%.0f tx_pps=%.0f loss=%.1f%%" % ((r["packets"] - r["lost_packets"]) / (r["seconds"] or 1),
                                              t["packets"] / (t["seconds"] or 1), r["lost_percent"]))
    else:
        print("%.3f" % (c["end"]["sum_received"]["bits_per_second"] / 1e9))
except Exception as e:
    print("nan")
PY
  rm -rf "$dir"
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR == 0) {print "nan"} else if (NR % 2) {print v[(NR+1)/2]} else {print (v[NR/2]+v[NR/2+1])/2}}'; }

echo "# kernel $(uname -r), $(nproc) CPUs, $(iperf3 --version | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
pps=(); gbps=()
for r in $(seq "$REPS"); do v=$(run udp64); echo "#   udp64 run $r: $v (rx pps, sender pps, loss)"; pps+=("${v%% *}"); done
for r in $(seq "$REPS"); do v=$(run tcp); echo "#   tcp run $r: $v Gbit/s"; gbps+=("$v"); done
T=${TOPO:-vxlan}
echo "$T.udp64_rx_pps: $(printf '%s\n' "${pps[@]}" | median) pps (runs: ${pps[*]})"
echo "$T.tcp: $(printf '%s\n' "${gbps[@]}" | median) Gbit/s (runs: ${gbps[*]})"
