# shellcheck shell=bash
# Finds a JDK 25 for nsnet's scripts: $JAVA_HOME if it is a JDK 25, else the usual install places.
nsnet_find_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/java-25-* /usr/lib/jvm/jdk-25*; do
    [ -n "$c" ] && [ -x "$c/bin/javac" ] || continue
    v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "$v" = 25 ]; then echo "$c"; return 0; fi
  done
  echo "nsnet: JDK 25 not found (looked at \$JAVA_HOME and /usr/lib/jvm/*25*); install Temurin 25 or set JAVA_HOME" >&2
  return 1
}
