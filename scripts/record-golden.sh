#!/usr/bin/env bash
# Records golden transcripts of scenario scripts on the real Linux kernel.
#
#   scripts/record-golden.sh [-o OUTDIR] [NAME...]     record golden/NAME.sh -> OUTDIR/NAME.out
#   scripts/record-golden.sh --verify [-n N] [NAME...] re-record N times (default 1) into a temp dir
#                                                       and compare, normalised, with golden/NAME.out
#
# NAME is a scenario name (010-link-veth-basic), a file name (010-link-veth-basic.sh) or a path
# (golden/010-link-veth-basic.sh; a path to any other existing *.sh file records that file, handy
# while writing a scenario). Without NAME every golden/*.sh is recorded.
#
# Every scenario runs in its own fresh sandbox (see shared CONFORMANCE.md "Recording on the real
# kernel"): the script re-executes itself under `unshare --net --mount --propagation private`, mounts a
# private tmpfs on /run/netns, refuses to run unless the sandbox's root netns holds only `lo` and no
# routes, runs the scenario lines one by one (`timeout 20 bash -c LINE`, stdin /dev/null, stdout and
# stderr merged) and finally deletes every netns it created. The host's namespaces are never touched.
#
# Transcript: for each non-empty, non-comment line: "$ " + trimmed line, then the raw merged output,
# then "[exit N]" when the status is not 0. One exception to "raw": if a command's output does not end
# in a newline, a newline is added so that the next "$ " line starts a line of its own.
set -u

ME="$(readlink -f "${BASH_SOURCE[0]}")"
REPO="$(cd "$(dirname "$ME")/.." && pwd)"
GOLDEN="$REPO/golden"
LINE_TIMEOUT=${LINE_TIMEOUT:-20}
SAFE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

die() { echo "record-golden: $*" >&2; exit 1; }

# ---------------------------------------------------------------- inner --
# Runs inside the sandbox: record one scenario into one file.
inner() {
  local scen=$1 out=$2
  # refuse to run anywhere but in fresh namespaces (also guards a stray GOLDEN_IN_SANDBOX=1)
  local here onet omnt
  here="$(readlink /proc/self/ns/net) $(readlink /proc/self/ns/mnt)"
  onet=${GOLDEN_OUTER_NS:-}; omnt=${onet##* }; onet=${onet%% *}
  if [ -z "${GOLDEN_OUTER_NS:-}" ] || [ "${here%% *}" = "$onet" ] || [ "${here##* }" = "$omnt" ]; then
    echo "FATAL: not inside a private net+mount namespace" >&2; exit 1
  fi
  # fresh netns => only lo, no routes
  local links routes
  links=$(ip -o link show | awk -F': ' '{print $2}' | tr '\n' ' ')
  routes=$(ip route show table all; ip -6 route show table all)
  if [ "$links" != "lo " ] || [ -n "$routes" ]; then
    echo "FATAL: not a clean sandbox (links='$links' routes='$routes')" >&2; exit 1
  fi
  # private tmpfs for netns bind mounts (never the host's /run/netns)
  if [ ! -d /run/netns ]; then
    mount -t tmpfs -o size=16m,mode=755 golden-run /run || { echo "FATAL: tmpfs /run" >&2; exit 1; }
    mkdir -p /run/netns
  fi
  mount -t tmpfs -o size=16m,mode=755 golden-netns /run/netns || { echo "FATAL: tmpfs /run/netns" >&2; exit 1; }
  [ "$(readlink -f /var/run/netns)" = /run/netns ] || { echo "FATAL: /var/run/netns does not resolve to /run/netns" >&2; exit 1; }
  [ -z "$(ip netns list)" ] || { echo "FATAL: /run/netns not empty" >&2; exit 1; }
  # Name resolution must neither depend on the recording host nor send anything towards the host's
  # DNS server: pin /etc/hosts and /etc/resolv.conf (private bind mounts, gone with the sandbox).
  local etc=${GOLDEN_ETC:?}
  mount -t tmpfs -o size=1m,mode=755 golden-etc "$etc" || { echo "FATAL: tmpfs $etc" >&2; exit 1; }
  printf '127.0.0.1\tlocalhost\n' > "$etc/hosts"
  printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' > "$etc/resolv.conf"
  mount --bind "$etc/hosts" /etc/hosts && mount --bind "$etc/resolv.conf" /etc/resolv.conf ||
    { echo "FATAL: cannot pin /etc/hosts and /etc/resolv.conf" >&2; exit 1; }

  # A numeric netns is a PID (1 = the host's netns!), a path can name any namespace, and
  # `ip netns attach` / nsenter adopt another process's namespace: all could reach outside the
  # sandbox, so a scenario may only name namespaces it created. Checked before anything runs.
  local raw0
  while IFS= read -r raw0 || [ -n "$raw0" ]; do
    if [[ "$raw0" =~ (^|[[:space:]])netns[[:space:]]+[\"\']?[0-9/] ]] ||
       [[ "$raw0" =~ (^|[[:space:]])(ip|bridge)([[:space:]]+-[^[:space:]]+)*[[:space:]]+-(n|netns|-netns)[[:space:]]+[\"\']?[0-9/] ]] ||
       [[ "$raw0" =~ netns[[:space:]]+attach ]] || [[ "$raw0" == *nsenter* ]] || [[ "$raw0" == */proc/* ]]; then
      echo "FATAL: refusing a line that could reach outside the sandbox: $raw0" >&2
      exit 1
    fi
  done < "$scen"

  pids=()   # processes this sandbox started (killed by PID at the end if still alive)
  tmp=$(mktemp /tmp/golden-line.XXXXXX) || exit 1
  cleanup() {
    local p ns
    for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done
    for ns in $(ip netns list 2>/dev/null | awk '{print $1}'); do ip netns del "$ns" 2>/dev/null; done
    rm -f "$tmp"
  }
  trap cleanup EXIT
  trap 'exit 130' INT TERM

  : > "$out" || exit 1
  # Lines run in the scenario's directory, so a scenario can name a companion file beside it
  # (iptables-restore 480-restore-basic.rules); nsnet resolves relative names the same way.
  cd "$(dirname "$scen")" || exit 1
  local raw line rc
  # Scenarios with background jobs (a trailing `&`, wait, kill, jobs) run in one shell that
  # keeps the job table: see jobs_mode below.
  if grep -qE '(^|[^&])&[[:space:]]*(#.*)?$|^[[:space:]]*(wait|kill|jobs)([[:space:]]|$)' "$scen"; then
    jobs_mode "$scen" "$out"
    exit $?
  fi
  while IFS= read -r raw || [ -n "$raw" ]; do
    raw=${raw%$'\r'}
    line="${raw#"${raw%%[![:space:]]*}"}"     # trim leading blanks
    line="${line%"${line##*[![:space:]]}"}"   # trim trailing blanks
    [ -z "$line" ] && continue
    [ "${line:0:1}" = "#" ] && continue
    printf '$ %s\n' "$line" >> "$out"
    timeout --kill-after=2 "$LINE_TIMEOUT" bash -c "$line" < /dev/null > "$tmp" 2>&1 &
    pids+=($!)
    wait $!; rc=$?
    if [ -s "$tmp" ]; then
      cat "$tmp" >> "$out"
      [ "$(tail -c 1 "$tmp" | od -An -c | tr -d ' ')" = '\n' ] || echo >> "$out"
    fi
    [ "$rc" -ne 0 ] && echo "[exit $rc]" >> "$out"
  done < "$scen"
  exit 0
}

# Job mode: the lines run in ONE non-interactive bash (a one-line `bash -c` loop, so its messages
# read `bash: line 1: ...` exactly like the per-line `bash -c LINE`), fed line by line through a
# FIFO; its stdout and stderr, and so those of its background jobs, append to the transcript file,
# interleaved in write order. A line ending in `&` and the builtins wait, kill and jobs are eval'd
# in that shell (so the job table persists); any other line runs as `timeout 20 bash -c LINE`
# exactly as in the normal mode. After a `&` line and after `kill` the shell sleeps 0.1 s, so a
# job's first output (or its reaction to the signal) lands under that line; nsnet lets the same
# virtual time pass (Session.BG_SETTLE_NS). At the end the jobs still running are killed silently.
jobs_mode() {
  local scen=$1 out=$2 raw line rc kind last
  local cmdq stq
  cmdq=$(mktemp -u /tmp/golden-cmd.XXXXXX) && stq=$(mktemp -u /tmp/golden-st.XXXXXX) || return 1
  mkfifo -m 600 "$cmdq" "$stq" || return 1
  # shellcheck disable=SC2016
  bash -c 'while IFS= read -r __l; do case ${__l:0:1} in F) timeout --kill-after=2 '"$LINE_TIMEOUT"' bash -c "${__l:1}" </dev/null;; Q) exec >/dev/null 2>&1; kill -9 $(jobs -p) 2>/dev/null; wait; exit 0;; *) eval "${__l:1}" </dev/null;; esac; __rc=$?; case ${__l:0:1} in B|K) sleep 0.1;; esac; echo $__rc >&3; done' \
    < "$cmdq" >> "$out" 2>&1 3> "$stq" &
  local shpid=$!
  pids+=($shpid)
  exec 4> "$cmdq" 5< "$stq"
  rm -f "$cmdq" "$stq"
  while IFS= read -r raw || [ -n "$raw" ]; do
    raw=${raw%$'\r'}
    line="${raw#"${raw%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [ -z "$line" ] && continue
    [ "${line:0:1}" = "#" ] && continue
    printf '$ %s\n' "$line" >> "$out"
    kind=F
    if [[ "$line" =~ (^|[^\&])\&[[:space:]]*(#.*)?$ ]]; then kind=B
    elif [[ "$line" =~ ^kill([[:space:]]|$) ]]; then kind=K
    elif [[ "$line" =~ ^(wait|jobs)([[:space:]]|$) ]]; then kind=J
    fi
    printf '%s%s\n' "$kind" "$line" >&4
    if ! read -r -t $((LINE_TIMEOUT + 10)) rc <&5; then
      echo "FATAL: line did not finish: $line" >&2
      kill -9 $shpid 2>/dev/null; exit 1
    fi
    last=$(tail -c 1 "$out" | od -An -c | tr -d ' ')
    [ "$last" = '\n' ] || echo >> "$out"
    [ "$rc" -ne 0 ] && echo "[exit $rc]" >> "$out"
  done < "$scen"
  echo Q >&4
  exec 4>&- 5<&-
  wait $shpid
  return 0
}

if [ "${1:-}" = --inner ]; then
  [ "${GOLDEN_IN_SANDBOX:-}" = 1 ] || die "--inner is internal"
  inner "$2" "$3"
fi

# ---------------------------------------------------------------- outer --
normalise() { # the same blanking that the Java suite applies (ping and traceroute times, http.server log dates, iptables-save dates)
  sed -E -e 's/time=[0-9.]+ ?ms/time=X ms/g' \
         -e 's/(rtt min\/avg\/max\/mdev = ).*/\1X/' \
         -e 's/(, time )[0-9]+ms/\1Xms/' \
         -e 's/  [0-9]+\.[0-9]{3} ms/  X ms/g' \
         -e 's/^([0-9.]+ - - \[)[0-9]{2}\/[A-Z][a-z]{2}\/[0-9]{4} [0-9:]{8}(\] )/\1DATE\2/' \
         -e 's/^(# Generated by (iptables|ip6tables|nft|arptables|ebtables).* on ).*$/\1DATE/' \
         -e 's/^(# Completed on ).*$/\1DATE/' "$1"
}

usage() {
  echo "usage: $0 [-o OUTDIR] [NAME...]" >&2
  echo "       $0 --verify [-n N] [NAME...]" >&2
  exit 2
}

if [ "$(id -u)" -ne 0 ]; then
  echo "record-golden: must be run as root (it creates network namespaces with unshare)" >&2
  exit 2
fi

outdir=$GOLDEN verify=0 nrep=1
while [ $# -gt 0 ]; do
  case $1 in
    -o) [ $# -ge 2 ] || usage; outdir=$2; shift 2 ;;
    --verify) verify=1; shift ;;
    -n) [ $# -ge 2 ] || usage; nrep=$2; shift 2 ;;
    -h|--help) usage ;;
    --) shift; break ;;
    -*) echo "record-golden: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done

for t in unshare ip ping sysctl bridge timeout; do
  command -v "$t" >/dev/null 2>&1 || die "missing tool '$t' (run scripts/install-deps.sh)"
done

scens=()
if [ $# -eq 0 ]; then
  for f in "$GOLDEN"/*.sh; do [ -e "$f" ] && scens+=("$f"); done
else
  for n in "$@"; do
    case $n in */*.sh) [ -f "$n" ] && { scens+=("$(readlink -f "$n")"); continue; } ;; esac
    n=${n##*/}; n=${n%.sh}; n=${n%.out}
    [ -f "$GOLDEN/$n.sh" ] || die "no scenario $GOLDEN/$n.sh"
    scens+=("$GOLDEN/$n.sh")
  done
fi
[ ${#scens[@]} -gt 0 ] || die "no scenarios in $GOLDEN"

record_one() { # SCEN OUTFILE: written only when the whole scenario was recorded
  rm -f "$2.part"
  _record "$1" "$2.part" && mv -f "$2.part" "$2" && return 0
  rm -f "$2.part"; return 1
}
_record() {
  local etc rc
  etc=$(mktemp -d /tmp/golden-etc.XXXXXX) || return 1
  env -i PATH="$SAFE_PATH" LC_ALL=C HOME=/root LINE_TIMEOUT="$LINE_TIMEOUT" GOLDEN_ETC="$etc" \
    GOLDEN_IN_SANDBOX=1 GOLDEN_OUTER_NS="$(readlink /proc/self/ns/net) $(readlink /proc/self/ns/mnt)" \
    unshare --net --mount --propagation private -- bash "$ME" --inner "$1" "$2"
  rc=$?
  rmdir "$etc" 2>/dev/null
  return $rc
}

if [ "$verify" = 0 ]; then
  mkdir -p "$outdir" || die "cannot create $outdir"
  outdir=$(cd "$outdir" && pwd)
  fail=0
  for s in "${scens[@]}"; do
    n=$(basename "$s" .sh)
    start=$(date +%s%N)
    if record_one "$s" "$outdir/$n.out"; then
      ms=$(( ($(date +%s%N) - start) / 1000000 ))
      printf '%-45s %3d.%01ds\n' "$n" $((ms / 1000)) $((ms % 1000 / 100)) >&2
    else
      echo "record-golden: FAILED to record $n" >&2; fail=1
    fi
  done
  exit $fail
fi

# --verify: re-record into a temp dir, compare normalised with the committed transcripts
tmpd=$(mktemp -d /tmp/golden-verify.XXXXXX)
trap 'rm -rf "$tmpd"' EXIT
bad=0
for s in "${scens[@]}"; do
  n=$(basename "$s" .sh)
  for r in $(seq "$nrep"); do
    record_one "$s" "$tmpd/$n.out" || { echo "FAILED  $n (recording)"; bad=1; continue; }
    if [ ! -f "$GOLDEN/$n.out" ]; then
      echo "MISSING $n (no golden/$n.out)"; bad=1
    elif diff -u <(normalise "$GOLDEN/$n.out") <(normalise "$tmpd/$n.out") > "$tmpd/$n.diff"; then
      echo "same    $n (run $r)"
    else
      echo "DIFFERS $n (run $r)"; sed 's/^/    /' "$tmpd/$n.diff"; bad=1
    fi
  done
done
exit $bad
