#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Measures the central server's start-up: from launching a fresh process for `start` on an initialised
# H2 data directory to the first HTTP answer of its admin listener (GET /openapi.json), and the CPU
# time (user+sys) the process has used by then. Appends the figures to
# bench/results/<date>-central-startup.md. See central-server/README.md, "Startup time".
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

usage() {
  cat <<'USAGE'
usage: central-server/bin/measure-startup.sh [--runs N] [--plain] [--label TEXT] [--no-build] [--out FILE]

  --runs N     measured runs after one first run (default 10)
  --plain      launch `java -cp CLASSPATH org.zhol.centralserver.CentralServerMain start` directly
               (no launcher, no Class-Data Sharing) instead of `./zhol central start`
  --label TEXT a heading for this measurement in the results file (default: the git commit)
  --no-build   use the class path built before (central-server/target/runtime-classpath.txt)
  --out FILE   the results file (default bench/results/<today>-central-startup.md)
USAGE
}

RUNS=10 MODE=launcher LABEL="" BUILD=1 OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --plain) MODE=plain; shift ;;
    --label) LABEL=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
OUT=${OUT:-$ROOT/bench/results/$(date -u +%Y-%m-%d)-central-startup.md}
command -v curl >/dev/null || { echo "measure-startup: needs curl" >&2; exit 1; }

# shellcheck source=../../bin/find-jdk.sh
. "$ROOT/bin/find-jdk.sh"
zhol_find_jdk
JAVA=$JAVA_HOME/bin/java
CP_FILE=$ROOT/central-server/target/runtime-classpath.txt
if [ "$BUILD" = 1 ] || [ ! -f "$CP_FILE" ]; then
  (cd "$ROOT" && mvn -B -q -o -pl central-server -am -DskipTests package dependency:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$CP_FILE" >/dev/null 2>&1)
fi
JAR=$(ls "$ROOT"/central-server/target/central-server-*.jar | grep -v -- '-tests.jar$' | head -1)
CP=$JAR:$(cat "$CP_FILE")

WORK=$(mktemp -d)
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# exec, so that the background job's pid is the server's own (for SIGTERM and /proc).
central() {
  if [ "$MODE" = plain ]; then
    exec "$JAVA" -cp "$CP" org.zhol.centralserver.CentralServerMain "$@"
  else
    exec "$ROOT/zhol" central "$@"
  fi
}

free_port() { # a port the kernel picks, so that parallel runs do not collide
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

DATA=$WORK/central-data
if ! "$JAVA" -cp "$CP" org.zhol.centralserver.CentralServerMain init --data-dir "$DATA" --instance DEV \
    >/dev/null 2>"$WORK/init.log"; then
  echo "measure-startup: init failed:" >&2
  cat "$WORK/init.log" >&2
  exit 1
fi
PORT=$(free_port)
TICK=$(getconf CLK_TCK)

# One run: prints "WALL_MS CPU_MS". CPU is utime+stime of the server process at its first answer.
run_once() {
  local began now ticks status
  began=$(date +%s%N)
  central start --data-dir "$DATA" --set listeners.admin.port="$PORT" \
      --set listeners.registration.port=0 --set listeners.download.port=0 \
      >"$WORK/start.out" 2>"$WORK/start.log" &
  PID=$!
  while :; do
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/openapi.json" || true)
    [ "$status" = 200 ] && break
    if ! kill -0 "$PID" 2>/dev/null; then
      echo "measure-startup: the server exited; its log:" >&2
      cat "$WORK/start.log" >&2
      exit 1
    fi
  done
  now=$(date +%s%N)
  ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$PID/stat")
  kill -TERM "$PID"
  local code=0
  wait "$PID" || code=$?
  if [ "$code" != 0 ] && [ "$code" != 143 ]; then # 143: the JVM's status after SIGTERM and its shutdown hooks
    echo "measure-startup: the server stopped with $code; its log:" >&2
    cat "$WORK/start.log" >&2
    exit 1
  fi
  PID=""
  echo "$(( (now - began) / 1000000 )) $(( ticks * 1000 / TICK ))"
}

stats() { # reads numbers, prints "median min max"
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%d %d %d\n", m, v[1], v[NR] }'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
FIRST=$(run_once)
RESULTS=()
for _ in $(seq "$RUNS"); do
  RESULTS+=("$(run_once)")
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
read -r WALL_MED WALL_MIN WALL_MAX < <(printf '%s\n' "${RESULTS[@]}" | cut -d' ' -f1 | stats)
read -r CPU_MED CPU_MIN CPU_MAX < <(printf '%s\n' "${RESULTS[@]}" | cut -d' ' -f2 | stats)

COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$ROOT" status --porcelain -- . ':!bench/results' 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)
if [ "$MODE" = plain ]; then
  HOW='java -cp "$CP" org.zhol.centralserver.CentralServerMain'
else
  HOW='./zhol central'
fi
mkdir -p "$(dirname "$OUT")"
if [ ! -f "$OUT" ]; then
  cat >"$OUT" <<EOF
# Central server start-up, $(date -u +%Y-%m-%d)

Written by \`central-server/bin/measure-startup.sh\`. Wall time: from launching a fresh process for
\`start\` on a data directory made by \`init\` (H2, default configuration) to the first 200 answer to
\`GET /openapi.json\` on the admin port, polled with curl in a tight loop. CPU: user+sys time of the
server process at that moment (/proc, 10 ms resolution). The first run of each block is reported
apart (cold file cache; with the launcher it also writes the Class-Data Sharing archive); median, min
and max are over the runs after it.
EOF
fi
{
  echo
  echo "## ${LABEL:-$COMMIT}"
  echo
  echo "- command: \`$HOW start --data-dir D --set listeners.admin.port=N --set listeners.registration.port=0 --set listeners.download.port=0\`"
  echo "- commit $COMMIT$DIRTY; $("$JAVA" -version 2>&1 | head -1); $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')); load average before $LOAD_BEFORE, after $LOAD_AFTER"
  echo "- first run: ${FIRST% *} ms wall, ${FIRST#* } ms CPU"
  echo "- $RUNS runs: wall median **$WALL_MED ms**, min **$WALL_MIN ms**, max $WALL_MAX ms; CPU (user+sys) median $CPU_MED ms, min $CPU_MIN ms, max $CPU_MAX ms"
  echo "- each run, wall / CPU ms: $(printf '%s; ' "${RESULTS[@]}" | sed 's/ \([0-9]*\);/ \/ \1;/g; s/; $//')"
} >>"$OUT"
tail -n 6 "$OUT"
