#!/usr/bin/env bash
# 10,000 PostgreSQL auto-users listed by the CLI next to psql running the same query, interleaved.
# Needs psql (apt-get install -y postgresql-client) and /usr/bin/time (apt-get install -y time).
# Usage: scripts/bench-postgres.sh [USERS] [ROUNDS] [BASELINE_JAR]
# BASELINE_JAR: another build (with its autouser.jsa next to it) timed in the same rounds, for before/after.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v psql >/dev/null || { echo "psql not found: apt-get install -y postgresql-client" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found: apt-get install -y time" >&2; exit 2; }
mvn -q -DskipTests package test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
    dev.autouser.bench.PostgresListingBenchmark target/autouser.jar "${1:-10000}" "${2:-5}" ${3:+"$3"}
