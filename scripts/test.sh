#!/usr/bin/env bash
# Runs nsnet's whole test suite: the one command for a fresh machine (and what CI runs, via .ci/run).
#   scripts/test.sh [extra mvn arguments, e.g. -Dtest='GoldenReplayTest']
# 1. as root, installs the Linux tools the golden drift check records with (scripts/install-deps.sh);
# 2. finds JDK 25 (scripts/lib-java.sh) and Maven;
# 3. runs `mvn -B test`: unit tests, the golden replay (every golden/*.sh against its recorded .out),
#    and, when CI=true and root, the drift check that re-records the golden scenarios on this kernel.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"

if [ "$(id -u)" -eq 0 ]; then
  bash scripts/install-deps.sh || echo "test.sh: warning: scripts/install-deps.sh failed; the golden drift check may fail" >&2
else
  echo "test.sh: not root: not installing Linux tools (the golden drift check needs root and CI=true and is skipped)" >&2
fi

# shellcheck source=scripts/lib-java.sh
. scripts/lib-java.sh
JAVA_HOME="$(nsnet_find_jdk)"; export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
command -v mvn >/dev/null 2>&1 || { echo "test.sh: Maven (mvn) not found; install it (apt-get install maven)" >&2; exit 1; }

echo "test.sh: JDK $JAVA_HOME, $(mvn -v 2>/dev/null | head -1)${CI:+, CI=$CI}" >&2
exec mvn -B test "$@"
