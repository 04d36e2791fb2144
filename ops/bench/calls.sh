#!/usr/bin/env bash
# Call signaling benchmark (issue 4 "Performance"): the app, a bare WebSocket forwarder (the baseline, same JVM
# and flags, same Reactor Netty), PostgreSQL and the load generator on this machine. 1,000 call pairs
# (2,000 sockets, each pair in an accepted and connected call) on loopback:
#   1. one-way relay latency p50/p99 at 5,000 msgs/s open loop: 300 B candidates, then 4 KB offers
#   2. maximum relayed msgs/s: closed loop (2 candidates in flight per pair) to saturation
#   3. server CPU s per 1,000 relayed msgs over the fixed-rate windows of (1), from /proc/<pid>/stat
#   4. RSS per idle connection: 10,000 more sockets (400 users × 25 devices on the app), RSS delta / 10,000
#   5. call set-ups/s: invite → accept → connected, then hang-up, closed loop (16 at a time), checked in SQL
# (1)-(4) run against the bare forwarder first, then the app, under the same load: the ratios are the cost of our checks.
# Prints a table (figure, value, baseline/target, ratio, PASS/FAIL). Exits 0 even when a target is missed;
# non-zero only when the benchmark itself broke.
#
# Database: BENCH_DATABASE_URL (postgresql://user:pass@host:port/db — a SCRATCH database: the benchmark writes
# users, sessions and calls into it), else a fresh database it creates and drops on the PostgreSQL at
# 127.0.0.1:5432 (psql, trust auth).
# The app and the forwarder run with the recommended production JVM flags (ops/lib/jvm.sh: -XX:MinHeapFreeRatio=10
# -XX:MaxHeapFreeRatio=20, else the JVM's defaults); BENCH_APP_JAVA_OPTS adds flags to both (e.g. a JFR
# recording: -XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile — then both write it: name it per process
# with %p, e.g. filename=/tmp/bench-%p.jfr). The app jar is built when missing (BENCH_REBUILD=1: also when sources are newer).
# Knobs (defaults): BENCH_PAIRS=1000, BENCH_RATE=5000 (msgs/s, steps 1 and 3), BENCH_SECONDS=10 (each latency and max window),
# BENCH_WARMUP=20 (s of unmeasured closed-loop load, half per target: the JIT), BENCH_IDLE=10000 (0: skip step 4),
# BENCH_IDLE_USERS=400, BENCH_SETUP_SECONDS=10, BENCH_SETUP_CONCURRENCY=16, BENCH_MAX_WINDOW=2 (per pair and side),
# BENCH_CANDIDATE_BYTES=300, BENCH_OFFER_BYTES=4096, BENCH_SIGN_IN_THREADS=8, BENCH_KEEP_LOGS=1 (keep the logs and results.json).
# BENCH_ONLY=idle runs step 4 alone (≈ 1 minute: only the idle sockets' users sign in); BENCH_HEAP_DUMPS=DIR writes heap
# dumps of each target before and after its idle sockets open (DIR/app-before.hprof, …; ≈ 100 MB each).
# BENCH_SETUP_WARMUP=60: seconds of set-ups before step 5, not counted (the JIT is still compiling the set-up path after a
# minute of them). BENCH_ONLY=setups runs step 5 alone (≈ 2½ minutes): the pairs sign in, the warm-up, then step 5.
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/lib/jdk.sh
. ops/lib/jvm.sh

work=$(mktemp -d)
app_pid=""
bare_pid=""
db=""
stop_pid() {
  local pid=$1
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  stop_pid "$app_pid"; app_pid=""
  stop_pid "$bare_pid"; bare_pid=""
  if [ -n "$db" ]; then psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -f "$work/callvault.jar"
  if [ "${BENCH_KEEP_LOGS:-}" = 1 ]; then echo "logs and results kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 2,000 + 10,000 sockets per process (the app, the forwarder, the generator each hold one end)
idle=${BENCH_IDLE:-10000}
pairs=${BENCH_PAIRS:-1000}
need_fds=$(( 2 * pairs + idle + 1000 ))
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need_fds" ]; then
  echo "ulimit -n is $(ulimit -n) (hard limit $(ulimit -Hn)); $need_fds file descriptors are needed: raise the hard limit or lower BENCH_IDLE/BENCH_PAIRS" >&2
  exit 2
fi
read -r port_lo port_hi < /proc/sys/net/ipv4/ip_local_port_range
if [ $(( port_hi - port_lo + 1 )) -lt "$need_fds" ]; then
  echo "only $(( port_hi - port_lo + 1 )) local ports (net.ipv4.ip_local_port_range $port_lo $port_hi); $need_fds are needed to one server port:" \
    "widen the range or lower BENCH_IDLE/BENCH_PAIRS" >&2
  exit 2
fi

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
bench_jar=ops/bench/calls/target/calls-bench.jar
if [ ! -f "$bench_jar" ] || [ -n "$(find ops/bench/calls/pom.xml ops/bench/calls/src -newer "$bench_jar" -type f -print -quit)" ]; then
  echo "building the load generator and the bare forwarder ..."
  if ! ./mvnw -B -q -f ops/bench/calls/pom.xml package -DskipTests > "$work/build-bench.log" 2>&1; then
    grep -v '^WARNING' "$work/build-bench.log" >&2; echo "the load generator did not build" >&2; exit 2
  fi
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

database_url=${BENCH_DATABASE_URL:-}
if [ -z "$database_url" ]; then
  if ! psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    echo "no PostgreSQL at 127.0.0.1:5432 reachable with psql -U postgres: set BENCH_DATABASE_URL" >&2; exit 2
  fi
  db="callvault_callbench_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db" >/dev/null
  database_url="postgresql://postgres@127.0.0.1:5432/$db"
fi

port=$(free_port)
bare_port=$(free_port)
app_url="http://127.0.0.1:$port"
bare_url="http://127.0.0.1:$bare_port"
public_url="http://localhost:$port"

heap=$("$JAVA_HOME/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {printf "%d MiB", $4 / 1048576}')
echo "CallVault call signaling benchmark: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "app: $jar and the bare forwarder, JVM flags $CALLVAULT_JVM_FLAGS (max heap $heap)${BENCH_APP_JAVA_OPTS:+, extra: $BENCH_APP_JAVA_OPTS}; database: ${db:-$database_url}"
echo "ulimit -n $(ulimit -n); local ports $port_lo-$port_hi"
busy_cores() { # average busy cores over $1 seconds, from /proc/stat
  local a b; a=($(head -1 /proc/stat)); sleep "$1"; b=($(head -1 /proc/stat))
  awk -v n="$(nproc)" -v u=$(( b[1]+b[2]+b[3]+b[6]+b[7]+b[8] - a[1]-a[2]-a[3]-a[6]-a[7]-a[8] )) \
      -v t=$(( b[1]+b[2]+b[3]+b[4]+b[5]+b[6]+b[7]+b[8] - a[1]-a[2]-a[3]-a[4]-a[5]-a[6]-a[7]-a[8] )) 'BEGIN {printf "%.2f", t ? u / t * n : 0}'
}
echo "machine before the run: $(busy_cores 2) of $(nproc) cores busy (other processes compete with the benchmark; see \"other\" below)"
if [ -n "$db" ]; then
  autovacuum=$(psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'show autovacuum' 2>/dev/null || echo unknown)
  if [ "$autovacuum" != "on" ]; then
    echo "PostgreSQL: autovacuum is $autovacuum — the app vacuums live_call, scheduled_tasks and token_entry itself, but call_fact and" \
      "the event tables keep their dead rows for the whole run (a default PostgreSQL has autovacuum on)"
  fi
fi
started=$SECONDS

# run a private copy: others rebuilding the jar meanwhile would break the running app (classes it has not loaded yet)
cp "$jar" "$work/callvault.jar"
launched_at_ms=$(date +%s%3N)
env DATABASE_URL="$database_url" PORT="$port" PUBLIC_URL="$public_url" LOG_FORMAT= \
  "$JAVA_HOME/bin/java" $CALLVAULT_JVM_FLAGS ${BENCH_APP_JAVA_OPTS:-} -jar "$work/callvault.jar" > "$work/app.log" 2>&1 &
app_pid=$!
"$JAVA_HOME/bin/java" $CALLVAULT_JVM_FLAGS ${BENCH_APP_JAVA_OPTS:-} -cp "$bench_jar" com.callvault.bench.calls.Forwarder --port "$bare_port" > "$work/bare.log" 2>&1 &
bare_pid=$!
wait_up() { # url pid log
  local deadline=$((SECONDS + 120))
  until curl -fs "$1" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$2" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      echo "$1 did not come up; the log:" >&2; tail -30 "$3" >&2; return 1
    fi
    sleep 0.1
  done
}
wait_up "$bare_url/health" "$bare_pid" "$work/bare.log"
wait_up "$app_url/actuator/health" "$app_pid" "$work/app.log"
echo "app up (pid $app_pid, port $port) after $(( $(date +%s%3N) - launched_at_ms )) ms; bare forwarder pid $bare_pid, port $bare_port"

status=0
"$JAVA_HOME/bin/java" ${BENCH_GENERATOR_JAVA_OPTS:-} -jar "$bench_jar" measure --app-pid "$app_pid" --bare-pid "$bare_pid" \
  --app-url "$app_url" --bare-url "$bare_url" --public-url "$public_url" --database-url "$database_url" --clk-tck "$(getconf CLK_TCK)" \
  --pairs "$pairs" --rate "${BENCH_RATE:-5000}" --seconds "${BENCH_SECONDS:-10}" --warmup "${BENCH_WARMUP:-20}" --idle "$idle" \
  --idle-users "${BENCH_IDLE_USERS:-400}" --setup-seconds "${BENCH_SETUP_SECONDS:-10}" --setup-concurrency "${BENCH_SETUP_CONCURRENCY:-16}" --setup-warmup "${BENCH_SETUP_WARMUP:-60}" \
  --max-window "${BENCH_MAX_WINDOW:-2}" --candidate-bytes "${BENCH_CANDIDATE_BYTES:-300}" --offer-bytes "${BENCH_OFFER_BYTES:-4096}" \
  --sign-in-threads "${BENCH_SIGN_IN_THREADS:-8}" --only "${BENCH_ONLY:-all}" ${BENCH_HEAP_DUMPS:+--heap-dumps "$BENCH_HEAP_DUMPS"} \
  --out "$work/results.json" \
  --heading "Results (app, bare forwarder, PostgreSQL and generator on the same $(nproc) cores)" \
  || status=$?
echo "(whole run: $(( SECONDS - started )) s)"
if grep -qE '^\S+ +(ERROR|WARN) ' "$work/app.log"; then
  echo "the app logged $(grep -cE '^\S+ +(ERROR|WARN) ' "$work/app.log") warnings/errors, e.g.:"; grep -E '^\S+ +(ERROR|WARN) ' "$work/app.log" | head -3
fi
if [ "$status" -ne 0 ]; then
  echo "the logs: $work (kept)"; BENCH_KEEP_LOGS=1
fi
exit "$status"
