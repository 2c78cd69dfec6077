# SPDX-License-Identifier: MIT
# Sourced by the examples' launchers (zhol-sandbox, zhol-example) with ZHOL_ROOT set and a JDK found:
# builds the examples and what they depend on (mvn package, no tests), quietly, when the examples jar
# or its class path file is missing, or when a pom.xml or a main source or resource of a module it
# uses is newer than them (the build's output goes to target/sandbox-build.log, shown when it fails);
# then sets CP to the examples jar and its runtime class path.
# shellcheck shell=bash
TARGET=$ZHOL_ROOT/examples/target
CP_FILE=$TARGET/classpath.txt
CACHE=$TARGET/sandbox.aot
BUILD_LOG=$ZHOL_ROOT/target/sandbox-build.log
MODULES=(protocol-spec server-support central-server security-server examples)

main_jar() {
  local jar
  for jar in "$TARGET"/examples-*.jar; do
    case "$jar" in *-tests.jar|*-sources.jar|*-javadoc.jar) ;; *) [ -f "$jar" ] && echo "$jar" && return 0 ;; esac
  done
  return 1
}

# Whether a pom or a main source/resource of the modules is newer than the class path file.
stale() {
  local module newer
  [ -f "$CP_FILE" ] && main_jar >/dev/null || return 0
  newer=$(find "$ZHOL_ROOT/pom.xml" -newer "$CP_FILE" -print -quit)
  [ -z "$newer" ] || return 0
  for module in "${MODULES[@]}"; do
    newer=$(find "$ZHOL_ROOT/$module/pom.xml" "$ZHOL_ROOT/$module/src/main" -newer "$CP_FILE" -print -quit 2>/dev/null)
    [ -z "$newer" ] || return 0
  done
  return 1
}

if stale; then
  echo "zhol: building the examples (mvn package, no tests; log in ${BUILD_LOG#"$ZHOL_ROOT"/}) ..." >&2
  mkdir -p "$(dirname "$BUILD_LOG")"
  if ! (cd "$ZHOL_ROOT" && mvn -B -q -DskipTests -pl examples -am package) >"$BUILD_LOG" 2>&1; then
    cat "$BUILD_LOG" >&2
    echo "zhol: the build failed (log above, also in $BUILD_LOG)" >&2
    exit 1
  fi
  # The class path file is rewritten only when its content changes; mark it as built now.
  touch "$CP_FILE"
fi
JAR=$(main_jar)
# A jar, not target/classes: class-data caches refuse directories on the class path.
CP=$JAR:$(cat "$CP_FILE")
