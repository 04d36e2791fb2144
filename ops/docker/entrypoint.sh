#!/usr/bin/env bash
# The container's entry point: java with the recommended flags (ops/lib/jvm.sh), then JAVA_OPTS, then the jar.
# Arguments go to the jar: "diagnose" checks the configuration, "vapid-keys" prints a key pair; none starts the server.
set -euo pipefail
app_dir="${CALLVAULT_APP_DIR:-/app}"
. "$app_dir/jvm.sh"
# shellcheck disable=SC2086 # the flags are words on purpose
exec java $CALLVAULT_JVM_FLAGS ${JAVA_OPTS:-} -jar "$app_dir/callvault.jar" "$@"
