#!/usr/bin/env sh
# Runs the benchmark harness: bench/run.sh [--quick] [--reps N] [--only throughput,latency] [--set sync.batchSize=1000] ...
# Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary directory. See bench/README.md.
set -e
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -Pbench verify -Dbench.args="$*"
