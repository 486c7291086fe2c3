#!/usr/bin/env bash
# The turn benchmark: Planpuls beside the Bot Framework SDK for JavaScript's echo bot, under the
# same load (wrk, 2 threads, 32 connections, Teams-shaped message activities whose replies go to a
# loopback connector that accepts every send at once). Each scenario runs the echo bot and Planpuls
# in turn, ROUNDS times, and prints turns per second, p50 and p99, and the ratio.
# Needs: java 17, maven, node and npm, wrk (apt-get install wrk), curl. Not part of mvn verify.
# Then each runs at a fixed RATE (500 turns/s by default) with an open-loop sender (rate.js), which
# counts each latency from when the request was due, and prints p50 and p99 against the 50 ms target.
#   bench/turns.sh            # DURATION=10s ROUNDS=2 CONNECTIONS=32 RATE=500 WARMUP=120s by default (about 12 min)
set -euo pipefail
cd "$(dirname "$0")"
DURATION="${DURATION:-10s}"
ROUNDS="${ROUNDS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
RATE="${RATE:-500}"
WARMUP="${WARMUP:-120s}"
PLANPULS_PORT=3991
ECHO_PORT=3992
CONNECTOR_PORT=3993
CONNECTOR="http://127.0.0.1:${CONNECTOR_PORT}/"
TOKEN="bench-admin-token-0123456789"
work="$(mktemp -d)"
pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap stop EXIT

command -v wrk >/dev/null || { echo "wrk is required: apt-get install wrk" >&2; exit 1; }
[ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null
[ -f ../api/target/planpuls.jar ] || (cd .. && mvn -B -q -DskipTests package)

node connector.js "$CONNECTOR_PORT" > "$work/connector.log" 2>&1 & pids+=($!)
node echo-bot.js "$ECHO_PORT" > "$work/echo.log" 2>&1 & pids+=($!)
# One owner asks the same over and over, and H2 would hand back the last result of a statement it holds
# while no table changed; a region's owners each ask their own, so every turn here reads for itself.
PLANPULS_DB_URL="${PLANPULS_DB_URL:-jdbc:h2:file:$work/data/planpuls;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE}" \
PORT="$PLANPULS_PORT" PLANPULS_DATA_DIR="$work/data" PLANPULS_ADMIN_TOKEN="$TOKEN" \
  java ${PLANPULS_JAVA_OPTS:-} -jar "${PLANPULS_JAR:-../api/target/planpuls.jar}" > "$work/planpuls.log" 2>&1 & pids+=($!)
for url in "http://127.0.0.1:$PLANPULS_PORT/health"; do
  for _ in $(seq 1 300); do curl -sf -o /dev/null "$url" && break; sleep 0.1; done
done
api() { curl -sf -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -X "$1" \
  "http://127.0.0.1:$PLANPULS_PORT$2" ${3:+-d "$3"}; }

# A known owner with five milestones, who has written to the bot once.
owner=$(api POST /api/v1/owners '{"name":"Anna Berg","email":"anna@example.com","aadObjectId":"6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6b"}' \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
ids=$(api GET "/api/v1/milestones?area=DIG" | python3 -c 'import sys,json; print(" ".join(str(m["id"]) for m in json.load(sys.stdin)[:5]))')
for id in $ids; do api PATCH "/api/v1/milestones/$id" "{\"ownerId\":$owner}" >/dev/null; done
milestone=${ids%% *}
for name in help mine submit; do
  sed -e "s#{{CONNECTOR}}#$CONNECTOR#" -e "s#{{MILESTONE}}#$milestone#" "activities/$name.json" > "$work/$name.json"
done
curl -sf -o /dev/null -H "Content-Type: application/json" -d "$(sed 's/{{N}}/first/' "$work/help.json")" \
  "http://127.0.0.1:$PLANPULS_PORT/api/messages"

run() { # bot-port body-file -> "rps p50 p99 errors"
  RUN="$(date +%s%N)" BODY="$2" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s turn.lua "http://127.0.0.1:$1/api/messages" \
    | awk '/^RESULT/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } \
           print v["rps"], v["p50_ms"], v["p99_ms"], v["errors"] + v["non2xx"] }'
}

labels=("echo bot (botbuilder 4.23.3)" "Planpuls: hjälp (known owner)" "Planpuls: mina milstolpar (5)" "Planpuls: card submit")
# A freshly started JVM interprets, then compiles what runs hot: on 2 cores its compiler threads
# still take a fifth of the CPU after a minute of load, and a turn costs two to three times what it
# costs once they are done. A card submit, the longest path, took two minutes of its own load to get
# there (30 s steps of submits alone on a new instance: 465, 854, 1,350, 1,808 submits/s, then level).
# The first seconds under load are printed as they are; then each keeps running for WARMUP before
# anything counts, the echo bot as well, so both are compared warm.
echo
echo "Cold: the first $DURATION under load after start"
printf '%-28s %10s %8s %8s %8s\n' scenario turns/s p50_ms p99_ms errors
i=0
for pair in "$ECHO_PORT help" "$PLANPULS_PORT help" "$PLANPULS_PORT mine" "$PLANPULS_PORT submit"; do
  read -r port name <<< "$pair"
  read -r rps p50 p99 errors <<< "$(run "$port" "$work/$name.json")"
  printf '%-28s %10s %8s %8s %8s\n' "${labels[$i]}" "$rps" "$p50" "$p99" "$errors"
  i=$((i + 1))
done
for pair in "$ECHO_PORT help" "$PLANPULS_PORT help" "$PLANPULS_PORT mine" "$PLANPULS_PORT submit"; do
  read -r port name <<< "$pair"
  DURATION="$WARMUP" run "$port" "$work/$name.json" >/dev/null
done

echo
echo "Warm: wrk -t2 -c$CONNECTIONS -d$DURATION, best of $ROUNDS alternating rounds after $WARMUP of warm-up each; $(nproc) cores; $(date -u +%F)"
printf '%-28s %10s %8s %8s %8s %8s %8s\n' scenario turns/s p50_ms p99_ms errors ratio target
best=()
for _ in $(seq 1 "$ROUNDS"); do
  echo_result=$(run "$ECHO_PORT" "$work/help.json")
  best[0]=$(printf '%s\n%s\n' "${best[0]:-0 0 0 0}" "$echo_result" | sort -k1 -g | tail -1)
  i=1
  for name in help mine submit; do
    result=$(run "$PLANPULS_PORT" "$work/$name.json")
    best[$i]=$(printf '%s\n%s\n' "${best[$i]:-0 0 0 0}" "$result" | sort -k1 -g | tail -1)
    i=$((i + 1))
  done
done
echo_rps=$(echo "${best[0]}" | cut -d' ' -f1)
for i in 0 1 2 3; do
  read -r rps p50 p99 errors <<< "${best[$i]}"
  target=$([ "$i" -eq 0 ] && echo "" || echo ">=1.00x")
  printf '%-28s %10s %8s %8s %8s %8s %8s\n' "${labels[$i]}" "$rps" "$p50" "$p99" "$errors" \
    "$(python3 -c "print(f'{$rps / $echo_rps:.2f}x')")" "$target"
done

at_rate() { # bot-port body-file -> "achieved p50 p99 max errors"
  node rate.js "http://127.0.0.1:$1/api/messages" "$2" "$RATE" "${DURATION%s}" \
    | awk '/^RESULT/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } \
           print v["achieved"], v["p50_ms"], v["p99_ms"], v["max_ms"], v["errors"] }'
}
echo
echo "Latency at a fixed $RATE turns/s (open loop, from when each turn was due), ${DURATION}"
printf '%-28s %10s %8s %8s %8s %8s %8s\n' scenario turns/s p50_ms p99_ms max_ms errors target
i=0
for name in help help mine submit; do
  port=$([ "$i" -eq 0 ] && echo "$ECHO_PORT" || echo "$PLANPULS_PORT")
  read -r achieved p50 p99 max errors <<< "$(at_rate "$port" "$work/$name.json")"
  target=$([ "$i" -eq 0 ] && echo "" || echo "p99<50")
  printf '%-28s %10s %8s %8s %8s %8s %8s\n' "${labels[$i]}" "$achieved" "$p50" "$p99" "$max" "$errors" "$target"
  i=$((i + 1))
done
