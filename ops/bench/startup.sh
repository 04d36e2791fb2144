#!/usr/bin/env bash
# Start-up time and memory of the app: embedded database (first start with initdb, then a restart on the
# same data) against an external PostgreSQL (BENCH_DATABASE_URL, or a fresh database on 127.0.0.1:5432
# when psql can reach one). Prints one line per case; the external case is the baseline.
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/lib/jdk.sh
jar=signaling-gateway/target/callvault.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Proportional memory (PSS, shared pages split fairly) in MiB of some processes and their descendants.
pss_mib() {
  local pids="$*" all="$*" next kb=0 p
  while next=$(for p in $pids; do pgrep -P "$p" || true; done) && [ -n "$next" ]; do
    pids=$next; all="$all $next"
  done
  for p in $all; do kb=$((kb + $(awk '/^Pss:/ {print $2}' /proc/"$p"/smaps_rollup 2>/dev/null || echo 0))); done
  echo $((kb / 1024))
}

measure() { # label, then env assignments
  local label=$1; shift
  local port; port=$(free_port)
  local started=$(date +%s%N)
  env "$@" PORT="$port" LOG_FORMAT= "$JAVA_HOME/bin/java" -jar "$jar" > "$work/$label.log" 2>&1 &
  local pid=$!
  local deadline=$((SECONDS + 180))
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      echo "$label: did not become healthy; log: " >&2; tail -20 "$work/$label.log" >&2; kill "$pid" 2>/dev/null || true; return 1
    fi
    sleep 0.1
  done
  local ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  local jvm_s; jvm_s=$(grep -o 'Started CallVaultApplication in [0-9.]* seconds' "$work/$label.log" | grep -o '[0-9.]* seconds' || echo "? seconds")
  local java_rss; java_rss=$(( $(awk '/^VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
  # the embedded PostgreSQL daemonizes: find its postmaster through its pid file
  local postmaster; postmaster=$(head -1 "$work/data/postgres/postmaster.pid" 2>/dev/null || true)
  local pg_pss=0
  if [ -n "$postmaster" ] && [ "$label" != "${label#embedded}" ]; then pg_pss=$(pss_mib "$postmaster"); fi
  printf '%-28s ready in %6d ms (Spring: %s)   RSS java %4d MiB (PSS %4d), embedded PostgreSQL PSS %3d MiB\n' \
    "$label" "$ready_ms" "$jvm_s" "$java_rss" "$(pss_mib "$pid")" "$pg_pss"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "CallVault start-up, $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
measure "embedded, first start" DATA_DIR="$work/data" DATABASE_URL=
measure "embedded, restart" DATA_DIR="$work/data" DATABASE_URL=

external=${BENCH_DATABASE_URL:-}
if [ -z "$external" ] && command -v psql >/dev/null && psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  db="callvault_bench_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db" >/dev/null
  trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1; rm -rf "$work"' EXIT
  external="postgresql://postgres@127.0.0.1:5432/$db"
fi
if [ -n "$external" ]; then
  measure "external (baseline), first" DATABASE_URL="$external"
  measure "external (baseline), again" DATABASE_URL="$external"
else
  echo "external: skipped (set BENCH_DATABASE_URL, or run a PostgreSQL on 127.0.0.1:5432 reachable by psql)"
fi
