#!/usr/bin/env bash
# Exits 0 when the app on this host answers GET /actuator/health/readiness with status UP, 1 otherwise.
# Plain bash (/dev/tcp), so the image needs no curl. PORT as the app reads it (default 8080).
set -uo pipefail
port="${PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
response="$(timeout 4 cat <&3)" || exit 1
exec 3>&-
case "$response" in
  "HTTP/1."?" 200"*'"status":"UP"'*) exit 0 ;;
  *) exit 1 ;;
esac
