#!/usr/bin/env bash
# Listing and cleanup benchmark against the embedded sandbox (TLS + X.509).
# Usage: scripts/benchmark.sh [USER_COUNT...]   (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
    dev.autouser.bench.ListingBenchmark "$@"
