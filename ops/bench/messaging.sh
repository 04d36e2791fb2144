#!/usr/bin/env bash
# Messaging benchmark (issue 3 "Performance"): the app, PostgreSQL and the load generator on this machine.
#   1. baseline: PostgreSQL single-row inserts of an event-sized row, 8 JDBC clients, synchronous commit
#   2. persisted messages/s: 8 WebSocket senders, one conversation each, pipelined (window 32); checked in SQL
#   3. a 10,000-message conversation against a new one (one closed-loop sender); first send after a restart
#   4. delivery latency: one sender, 500 msgs/s open loop over 8 conversations, stamped by the peers' sockets
#   5. projection lag during (2), and catch-up after the projection tokens are deleted (app restarted)
# Prints a table (figure, value, baseline/target, ratio, PASS/FAIL). Exits 0 even when a target is missed;
# non-zero only when the benchmark itself broke.
#
# Database: BENCH_DATABASE_URL (postgresql://user:pass@host:port/db — a SCRATCH database: the benchmark
# writes events into it and resets projections), else a fresh database it creates and drops on the
# PostgreSQL at 127.0.0.1:5432 (psql, trust auth).
# The app runs with the JVM's default heap flags; BENCH_APP_JAVA_OPTS adds flags (e.g. a JFR recording).
# The app jar is built when missing (BENCH_REBUILD=1: also when sources are newer than it).
# Knobs (defaults): BENCH_SECONDS=8 (steps 1 and 2), BENCH_APP_WARMUP=20 (s of unmeasured load first: the JIT), BENCH_FILL=10000,
# BENCH_LATENCY_RATE=500, BENCH_CATCHUP=both|replay|rebuild|none, BENCH_KEEP_LOGS=1 (keep the app logs and state.json).
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/lib/jdk.sh

work=$(mktemp -d)
app_pid=""
db=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$app_pid" 2>/dev/null && kill -9 "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
cleanup() {
  stop_app
  if [ -n "$db" ]; then psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; fi
  if [ "${BENCH_KEEP_LOGS:-}" = 1 ]; then echo "logs and state kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

jar=signaling-gateway/target/callvault.jar
newer=$( [ -f "$jar" ] && find command-side query-side signaling-gateway/src web/src web/index.html pom.xml -newer "$jar" -type f -not -path '*/target/*' -print -quit || true)
if [ ! -f "$jar" ] || { [ -n "$newer" ] && [ "${BENCH_REBUILD:-}" = 1 ]; }; then
  echo "building the app jar ..."
  if ! ./mvnw -B -q package -DskipTests > "$work/build-app.log" 2>&1; then
    grep -E '^\[ERROR\]' "$work/build-app.log" | head -5 >&2
    if [ -f "$jar" ]; then
      echo "WARNING: the app does not build right now; benchmarking the existing jar from $(date -r "$jar" '+%F %T')" >&2
    else
      echo "the app does not build" >&2; exit 2
    fi
  fi
elif [ -n "$newer" ]; then
  echo "note: sources changed since the app jar was built ($(date -r "$jar" '+%F %T'), e.g. $newer); BENCH_REBUILD=1 rebuilds it first"
fi
bench_jar=ops/bench/messaging/target/messaging-bench.jar
if [ ! -f "$bench_jar" ] || [ -n "$(find ops/bench/messaging/pom.xml ops/bench/messaging/src -newer "$bench_jar" -type f -print -quit)" ]; then
  echo "building the load generator ..."
  if ! ./mvnw -B -q -f ops/bench/messaging/pom.xml package -DskipTests > "$work/build-bench.log" 2>&1; then
    grep -v '^WARNING' "$work/build-bench.log" >&2; echo "the load generator did not build" >&2; exit 2
  fi
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

database_url=${BENCH_DATABASE_URL:-}
if [ -z "$database_url" ]; then
  if ! psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    echo "no PostgreSQL at 127.0.0.1:5432 reachable with psql -U postgres: set BENCH_DATABASE_URL" >&2; exit 2
  fi
  db="callvault_msgbench_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db" >/dev/null
  database_url="postgresql://postgres@127.0.0.1:5432/$db"
fi

port=$(free_port)
app_url="http://127.0.0.1:$port"
public_url="http://localhost:$port"
starts=0
launched_at_ms=0
start_app() {
  starts=$((starts + 1))
  launched_at_ms=$(date +%s%3N)
  env DATABASE_URL="$database_url" PORT="$port" PUBLIC_URL="$public_url" LOG_FORMAT= \
    "$JAVA_HOME/bin/java" ${BENCH_APP_JAVA_OPTS:-} -jar "$jar" > "$work/app-$starts.log" 2>&1 &
  app_pid=$!
}
wait_healthy() {
  local deadline=$((SECONDS + 120))
  until curl -fs "$app_url/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$app_pid" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      echo "the app did not become healthy; its log:" >&2; tail -30 "$work/app-$starts.log" >&2; return 1
    fi
    sleep 0.1
  done
}
bench() {
  "$JAVA_HOME/bin/java" -jar "$bench_jar" "$@" --state "$work/state.json" --database-url "$database_url" \
    --app-url "$app_url" --public-url "$public_url" --clk-tck "$(getconf CLK_TCK)"
}

heap=$("$JAVA_HOME/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {printf "%d MiB", $4 / 1048576}')
echo "CallVault messaging benchmark: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "app: $jar, default JVM heap flags (max heap $heap)${BENCH_APP_JAVA_OPTS:+, extra: $BENCH_APP_JAVA_OPTS}; database: ${db:-$database_url}"
busy_cores() { # average busy cores over $1 seconds, from /proc/stat
  local a b; a=($(head -1 /proc/stat)); sleep "$1"; b=($(head -1 /proc/stat))
  awk -v n="$(nproc)" -v u=$(( b[1]+b[2]+b[3]+b[6]+b[7]+b[8] - a[1]-a[2]-a[3]-a[6]-a[7]-a[8] )) \
      -v t=$(( b[1]+b[2]+b[3]+b[4]+b[5]+b[6]+b[7]+b[8] - a[1]-a[2]-a[3]-a[4]-a[5]-a[6]-a[7]-a[8] )) 'BEGIN {printf "%.2f", t ? u / t * n : 0}'
}
echo "machine before the run: $(busy_cores 2) of $(nproc) cores busy (other processes compete with the benchmark; see \"other\" below)"
started=$SECONDS

start_app
wait_healthy
echo "app up (pid $app_pid, port $port) after $(( $(date +%s%3N) - launched_at_ms )) ms"
bench measure --app-pid "$app_pid" --seconds "${BENCH_SECONDS:-8}" --fill "${BENCH_FILL:-10000}" --latency-rate "${BENCH_LATENCY_RATE:-500}" \
  --app-warmup-seconds "${BENCH_APP_WARMUP:-20}"

catchup=${BENCH_CATCHUP:-both}
cold_sends=--cold-sends
for variant in replay rebuild; do
  case "$catchup" in both|"$variant") ;; *) continue ;; esac
  stop_app
  truncate=""; [ "$variant" = rebuild ] && truncate=--truncate
  bench reset-projections --variant "$variant" $truncate
  start_app
  bench catchup --variant "$variant" --app-pid "$app_pid" --launched-at-ms "$launched_at_ms" $cold_sends
  cold_sends=""
done
stop_app

status=0
bench report --heading "Results ($(( SECONDS - started )) s in all; app, PostgreSQL and generator on the same $(nproc) cores)" || status=$?
if [ "$status" -ne 0 ]; then
  echo "the app's logs: $work (kept)"; BENCH_KEEP_LOGS=1
fi
exit "$status"
