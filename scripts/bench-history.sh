#!/usr/bin/env bash
# Issue 17's benchmark: `autouser list --json` of 10,000 auto-users with a usage history of 10,000 users x 30 days,
# against `list --json --no-history`, interleaved (ABBA); wall, CPU, peak RSS, load; store size; record/read in process.
# Needs /usr/bin/time. Usage: scripts/bench-history.sh [USERS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time not found: apt-get install -y time" >&2; exit 2; }
mvn -q -DskipTests package test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
    dev.autouser.bench.HistoryListingBenchmark target/autouser.jar "${1:-10000}" "${2:-6}"
