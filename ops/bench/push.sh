#!/usr/bin/env bash
# Push benchmark (issue 7 "Figures to report"): does WebSocket signaling latency change while the app sends pushes?
# The app (Web Push on: fresh VAPID keys, http endpoints admitted), PostgreSQL and the load generator on this machine.
# BENCH_PAIRS (200) call pairs in connected calls relay 300 B call.signal candidates open loop at BENCH_RATE (2,000)/s
# for BENCH_SECONDS (10) per window, in windows of three kinds, repeated BENCH_ROUNDS (3) times:
#   1. no pushes
#   2. BENCH_MESSAGE_RATE (30)/s messages to BENCH_RECIPIENTS (100) people with no socket and no push subscription
#      (the messaging work alone)
#   3. the same rate to BENCH_RECIPIENTS other people with BENCH_DEVICES (20) subscriptions each at a push service
#      inside the generator (201 to every well-formed push): 600 pushes/s offered (the window starts BENCH_LEAD (3) s
#      after the messages). The app sends them all; to find the rate it sustains, offer more with BENCH_MESSAGE_RATE
#      (BENCH_DEVICES is at most 20, the subscriptions the app keeps per user) and read "most queued". The push
#      service stands in for one across the internet: its threads run at nice 19, so that taking pushes does not hold
#      up the generator's signaling sockets, whose receive times are the measurement
# after each window with messages, until the app's push queue is empty and the push service receives nothing more.
# Prints each window's p50/p99/max, pushes/s received and the CPU split, each kind pooled over the rounds, and
# PASS/FAIL: pooled p99 with pushes at most max(1.5 × baseline p99, baseline p99 + 1 ms), the baseline being the
# messages-only windows (the same messages, without the pushes they cause); the no-push windows show what messaging
# itself costs signaling. Exits 0 on FAIL too; non-zero only when the benchmark itself broke. Takes about 4 minutes.
# The generator is ops/bench/calls (PushBenchmark, PushLoad; the call and socket code is shared with calls.sh).
#
# Database: BENCH_DATABASE_URL (a SCRATCH database), else a fresh database created and dropped on the PostgreSQL at
# 127.0.0.1:5432 (psql, trust auth). Other knobs: BENCH_WARMUP (60 s of signaling and pushes, not measured: the JIT is
# still compiling the message and push paths after 10 s),
# BENCH_APP_JAVA_OPTS (e.g. -Dcallvault.push.encryption-threads=2), BENCH_REBUILD=1 (rebuild the app jar when sources are newer), BENCH_KEEP_LOGS=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/lib/jdk.sh
. ops/lib/jvm.sh

work=$(mktemp -d)
app_pid=""
db=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$app_pid" 2>/dev/null && kill -9 "$app_pid" 2>/dev/null || true
  fi
  if [ -n "$db" ]; then psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -f "$work/callvault.jar"
  if [ "${BENCH_KEEP_LOGS:-}" = 1 ]; then echo "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

jar=signaling-gateway/target/callvault.jar
newer=$( [ -f "$jar" ] && find command-side query-side signaling-gateway/src web/src web/index.html pom.xml -newer "$jar" -type f -not -path '*/target/*' -print -quit || true)
if [ ! -f "$jar" ] || { [ -n "$newer" ] && [ "${BENCH_REBUILD:-}" = 1 ]; }; then
  echo "building the app jar ..."
  if ! ./mvnw -B -q package -DskipTests > "$work/build-app.log" 2>&1; then
    grep -E '^\[ERROR\]' "$work/build-app.log" | head -5 >&2; echo "the app does not build" >&2; exit 2
  fi
elif [ -n "$newer" ]; then
  echo "note: sources changed since the app jar was built ($(date -r "$jar" '+%F %T'), e.g. $newer); BENCH_REBUILD=1 rebuilds it first"
fi
bench_jar=ops/bench/calls/target/calls-bench.jar
if [ ! -f "$bench_jar" ] || [ -n "$(find ops/bench/calls/pom.xml ops/bench/calls/src -newer "$bench_jar" -type f -print -quit)" ]; then
  echo "building the load generator ..."
  if ! ./mvnw -B -q -f ops/bench/calls/pom.xml package -DskipTests > "$work/build-bench.log" 2>&1; then
    grep -v '^WARNING' "$work/build-bench.log" >&2; echo "the load generator did not build" >&2; exit 2
  fi
fi

database_url=${BENCH_DATABASE_URL:-}
if [ -z "$database_url" ]; then
  if ! psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    echo "no PostgreSQL at 127.0.0.1:5432 reachable with psql -U postgres: set BENCH_DATABASE_URL" >&2; exit 2
  fi
  db="callvault_pushbench_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db" >/dev/null
  database_url="postgresql://postgres@127.0.0.1:5432/$db"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
app_url="http://127.0.0.1:$port"
public_url="http://localhost:$port"
echo "CallVault push benchmark: $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); app JVM flags $CALLVAULT_JVM_FLAGS"

# a private copy (a rebuild by someone else would break the running app) and a fresh VAPID key pair for this run
cp "$jar" "$work/callvault.jar"
keys=$("$JAVA_HOME/bin/java" -jar "$work/callvault.jar" vapid-keys)
env DATABASE_URL="$database_url" PORT="$port" PUBLIC_URL="$public_url" LOG_FORMAT= \
  VAPID_PUBLIC_KEY="$(sed -n 's/^VAPID_PUBLIC_KEY=//p' <<< "$keys")" VAPID_PRIVATE_KEY="$(sed -n 's/^VAPID_PRIVATE_KEY=//p' <<< "$keys")" \
  VAPID_SUBJECT=mailto:push-bench@callvault.test PUSH_ALLOW_HTTP_ENDPOINTS=true \
  "$JAVA_HOME/bin/java" $CALLVAULT_JVM_FLAGS ${BENCH_APP_JAVA_OPTS:-} -jar "$work/callvault.jar" > "$work/app.log" 2>&1 &
app_pid=$!
deadline=$((SECONDS + 120))
until curl -fs "$app_url/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  if ! kill -0 "$app_pid" 2>/dev/null || [ $SECONDS -gt $deadline ]; then echo "the app did not come up; its log:" >&2; tail -30 "$work/app.log" >&2; exit 2; fi
  sleep 0.2
done
echo "app up (pid $app_pid, port $port)"

status=0
"$JAVA_HOME/bin/java" ${BENCH_GENERATOR_JAVA_OPTS:-} -cp "$bench_jar" com.callvault.bench.calls.PushBenchmark measure \
  --app-pid "$app_pid" --app-url "$app_url" --public-url "$public_url" --database-url "$database_url" --clk-tck "$(getconf CLK_TCK)" \
  --pairs "${BENCH_PAIRS:-200}" --rate "${BENCH_RATE:-2000}" --seconds "${BENCH_SECONDS:-10}" --rounds "${BENCH_ROUNDS:-3}" --warmup "${BENCH_WARMUP:-60}" \
  --recipients "${BENCH_RECIPIENTS:-100}" --devices "${BENCH_DEVICES:-20}" --message-rate "${BENCH_MESSAGE_RATE:-30}" --lead "${BENCH_LEAD:-3}" \
  || status=$?
# the app warns that TURN is off (this benchmark runs without it): not counted
warnings=$(grep -E '^\S+ +(ERROR|WARN) ' "$work/app.log" | grep -v 'TURN_MODE=none' || true)
if [ -n "$warnings" ]; then
  echo "the app logged $(printf '%s\n' "$warnings" | wc -l) warnings/errors, e.g.:"; printf '%s\n' "$warnings" | head -3
fi
if [ "$status" -ne 0 ]; then echo "the logs: $work (kept)"; BENCH_KEEP_LOGS=1; fi
exit "$status"
