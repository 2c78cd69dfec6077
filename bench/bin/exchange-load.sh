#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The exchange load harness (issue #6): REST GETs through two security servers on this machine, with
# the demo provider behind them, driven by wrk. In the same run it measures the demo provider alone
# (the backend without Zhol) as the baseline, so the ratio holds on a noisy machine. Writes
# bench/results/<date>-exchange-load.md with req/s, p50, p99 and the exact commands.
#
#   bench/bin/exchange-load.sh [--duration SECONDS] [--connections N] [--rounds N]
#
# Needs wrk (apt-get install wrk). The sandbox runs from a temporary work directory on free ports, with
# the optimising JIT (JAVA_OPTS=-XX:TieredStopAtLevel=4), and is stopped at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../../bin/find-jdk.sh
. "$ROOT/bin/find-jdk.sh"
zhol_find_jdk
DURATION=10 CONNECTIONS=32 ROUNDS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    *) echo "usage: $0 [--duration S] [--connections N] [--rounds N]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "exchange-load: wrk is missing (apt-get install wrk)" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'kill -TERM "${PID:-0}" 2>/dev/null; wait "${PID:-0}" 2>/dev/null; rm -rf "$WORK"' EXIT
JAVA_OPTS="-XX:TieredStopAtLevel=4 ${JAVA_OPTS:-}" "$ROOT/zhol" sandbox --random-ports \
    --work-dir "$WORK/sandbox" >"$WORK/out" 2>&1 &
PID=$!
for _ in $(seq 1 600); do
  [ -s "$WORK/sandbox/sandbox.json" ] && grep -q "http://127.0.0.1:" "$WORK/out" && break
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/out" >&2; exit 1; }
  sleep 0.5
done
# The REST example the sandbox prints names SS1's client proxy and the README's person.
URL=$(grep -o "http://127.0.0.1:[0-9]*/r1/DEV/GOV/1001/REGISTRY/persons/[0-9]*" "$WORK/out" | head -1)
PERSON=${URL##*/}
PROVIDER=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['ports']['demo'])" \
    "$WORK/sandbox/sandbox.json" 2>/dev/null || true)
[ -n "$URL" ] || { echo "exchange-load: no REST example in the sandbox output" >&2; cat "$WORK/out" >&2; exit 1; }
DIRECT=${PROVIDER:+http://127.0.0.1:$PROVIDER/persons/$PERSON}
HEADER='X-Road-Client: DEV/GOV/2002/TAXES'

run_wrk() { # label url [header]
  local label=$1 url=$2 out
  if [ $# -gt 2 ]; then
    out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$3" "$url")
  else
    out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url")
  fi
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  echo "| $label | $rps | $p50 | $p99 | ${errors:-none} |"
}

# Warm-up of the JIT on both paths.
wrk -t1 -c"$CONNECTIONS" -d5s -H "$HEADER" "$URL" >/dev/null
[ -n "$DIRECT" ] && wrk -t1 -c"$CONNECTIONS" -d3s "$DIRECT" >/dev/null

DATE=$(date -u +%Y-%m-%d)
RESULT=$ROOT/bench/results/$DATE-exchange-load.md
{
  echo "# Exchange load, $DATE"
  echo
  echo "REST GET of one person (the README's call) through SS1 (client proxy) and SS2 (server proxy) to"
  echo "the demo provider, each message signed, verified and checked against the access rights; the"
  echo "baseline is the demo provider alone, measured in the same run. wrk -t1 -c$CONNECTIONS -d${DURATION}s"
  echo "--latency, $ROUNDS rounds alternating baseline and Zhol, after warm-up. One JVM runs the whole"
  echo "sandbox (both servers, the central server, CA, TSA and the provider) on the same 2 cores as wrk."
  echo
  echo "- machine: $(nproc) cores, $(uname -r), load before $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); JAVA_OPTS=-XX:TieredStopAtLevel=4"
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "- Zhol: \`wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency -H '$HEADER' $URL\`"
  echo "- baseline: \`wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency ${DIRECT:-(provider port unknown)}\`"
  echo
  echo "| run | req/s | p50 | p99 | errors |"
  echo "|---|---|---|---|---|"
  for round in $(seq 1 "$ROUNDS"); do
    [ -n "$DIRECT" ] && run_wrk "baseline $round" "$DIRECT"
    run_wrk "zhol $round" "$URL" "$HEADER"
  done
} | tee "$RESULT"
echo "exchange-load: written $RESULT" >&2
