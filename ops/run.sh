#!/usr/bin/env bash
# Builds CallVault (if needed) and runs it. Without DATABASE_URL it starts its own PostgreSQL, keeping
# data in ./data/postgres (DATA_DIR). Open PUBLIC_URL (default http://localhost:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
. ops/lib/jdk.sh
. ops/lib/jvm.sh
jar=signaling-gateway/target/callvault.jar
if [ ! -f "$jar" ] || [ -n "$(find command-side query-side signaling-gateway/src web/src web/index.html pom.xml -newer "$jar" -type f -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
exec "$JAVA_HOME/bin/java" $CALLVAULT_JVM_FLAGS ${JAVA_OPTS:-} -jar "$jar" "$@"
