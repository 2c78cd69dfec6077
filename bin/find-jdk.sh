# SPDX-License-Identifier: MIT
# Sourced by ./zhol and .ci/run: sets JAVA_HOME to a JDK >= 21, or fails with a clear message.
# Order: $JAVA_HOME if it is >= 21; then JDK 25 (Temurin) under /usr/lib/jvm; then any JDK >= 21
# under /usr/lib/jvm, newest first; then the `java` on the PATH if it is >= 21.

zhol_java_major() { # $1 = path to a java binary; prints its feature version
  # The JDK's `release` file says it without starting a JVM (which costs a launcher up to a second on a
  # busy machine); ask the JVM only when there is none.
  local release version
  release="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$release")
    version=${version#1.}
    if [ -n "$version" ]; then echo "${version%%[.+_-]*}"; return 0; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

zhol_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(zhol_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ]; then return 0; fi
  fi
  for candidate in /usr/lib/jvm/temurin-25* $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(zhol_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(zhol_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  echo "zhol: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm and the PATH)." >&2
  echo "zhol: install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}
