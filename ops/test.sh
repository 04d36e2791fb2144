#!/usr/bin/env bash
# Runs every test: Java unit and integration tests (on a real PostgreSQL: Testcontainers when Docker is
# available, otherwise an embedded PostgreSQL) and the web client's Vitest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
. ops/lib/jdk.sh
exec ./mvnw -B verify "$@"
