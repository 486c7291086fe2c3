#!/usr/bin/env bash
# The start benchmark: from `java -jar` to /health 200 on the embedded database, the process's CPU
# time by then, and its resident memory five seconds later; STARTS times on a new data directory
# (migrations and the default plan) and on an existing one. Not part of mvn verify.
#   bench/start.sh                      # STARTS=3, the build in api/target
#   BASELINE_JAR=/other/planpuls.jar bench/start.sh   # alternates with another build (its .jsa beside it)
set -euo pipefail
cd "$(dirname "$0")/.."
STARTS="${STARTS:-3}"
PORT=3995
JAR="${PLANPULS_JAR:-api/target/planpuls.jar}"
[ -f "$JAR" ] || mvn -B -q -DskipTests package
work="$(mktemp -d)"
pid=""
stop() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap stop EXIT

# One start of $1 (a jar) on data directory $2; prints wall ms, CPU ms and RSS MB.
start() {
  local jar="$1" data="$2" archive=()
  [ -f "${jar%.jar}.jsa" ] && archive=(-XX:SharedArchiveFile="${jar%.jar}.jsa")
  local t0 t1 cpu rss
  t0=$(date +%s%N)
  PORT="$PORT" PLANPULS_DATA_DIR="$data" java "${archive[@]}" -jar "$jar" > "$work/log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "the service stopped; its log:" >&2; cat "$work/log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14+$15)*1000/hz)}' "/proc/$pid/stat")
  sleep 5
  rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  printf '%6d ms  cpu %5d ms  %4d MB' $(( (t1 - t0) / 1000000 )) "$cpu" "$rss"
}

builds=("$JAR")
[ -n "${BASELINE_JAR:-}" ] && builds+=("$BASELINE_JAR")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$STARTS"); do
  for jar in "${builds[@]}"; do
    rm -rf "$work/data"
    echo "new data       $(start "$jar" "$work/data")  $jar"
    echo "existing data  $(start "$jar" "$work/data")  $jar"
  done
done
echo "target: existing data < 1500 ms, memory < 200 MB"
