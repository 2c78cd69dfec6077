# SPDX-License-Identifier: MIT
# Sourced by ./zhol and .ci/run: sets JAVA_HOME to a JDK >= 21, or fails with a clear message.
# Order: $JAVA_HOME if it is >= 21; then JDK 25 (Temurin) under /usr/lib/jvm; then any JDK >= 21
# under /usr/lib/jvm, newest first; then the `java` on the PATH if it is >= 21.

zhol_java_major() { # $1 = path to a java binary; prints its feature version
  zhol_java_major_of "$1"
  echo "$ZHOL_JAVA_MAJOR"
}

zhol_java_major_of() { # $1 = path to a java binary; sets ZHOL_JAVA_MAJOR to its feature version
  # The JDK's `release` file says it without starting a JVM (which costs a launcher up to a second on a
  # busy machine); ask the JVM only when there is none. Bash built-ins only: every process a launcher
  # forks delays the server it starts.
  local home=${1%/*} line version=""
  home=${home%/*}
  ZHOL_JAVA_MAJOR=""
  if [ -f "$home/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in JAVA_VERSION=\"*\") version=${line#JAVA_VERSION=\"}; version=${version%\"}; break ;; esac
    done <"$home/release"
    version=${version#1.}
    if [ -n "$version" ]; then ZHOL_JAVA_MAJOR=${version%%[.+_-]*}; return 0; fi
  fi
  ZHOL_JAVA_MAJOR=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1)
}

zhol_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    zhol_java_major_of "$JAVA_HOME/bin/java"; major=$ZHOL_JAVA_MAJOR
    if [ "${major:-0}" -ge 21 ]; then return 0; fi
  fi
  for candidate in /usr/lib/jvm/temurin-25* $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    zhol_java_major_of "$candidate/bin/java"; major=$ZHOL_JAVA_MAJOR
    if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    zhol_java_major_of "$candidate/bin/java"; major=$ZHOL_JAVA_MAJOR
    if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  echo "zhol: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm and the PATH)." >&2
  echo "zhol: install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}
