#!/usr/bin/env bash
# The load rig, one command: starts PostgreSQL + pgvector and Redis (scripts/services.sh, in their own data directory so
# tests running beside it are not disturbed), builds the CLI and the rig in Release, then runs N replicas of grounded serve
# on loopback ports sharing them, two scripted providers with a model's latency, and the open-loop mix.
#
#   bench/load/run.sh --replicas 2 --rate 200 --seconds 60 [--hit-rate 0.3] [--warmup 10] [--ramp 20,40,60] [--json] [--keep]
#
# Prints {"replicas", "rate", "achievedRps", "p50Ms", "p95Ms", "p99Ms", "errors": {KIND: n}, "replicaRssMb": [..], ...}
# (with --json; the same object indented otherwise); progress goes to stderr. See docs/benchmarks.md, "Load and faults".
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
verb=${LOAD_VERB:-load}
exec "$root/bench/load/rig.sh" "$verb" "$@"
