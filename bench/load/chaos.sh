#!/usr/bin/env bash
# Faults under load, each with its expected outcome asserted: provider 429 / 5xx / hang (failover), PostgreSQL restart,
# Redis restart (budgets and limits as configured), a replica killed with SIGKILL mid-stream, a rolling restart with
# SIGTERM, and a grounded ingest killed mid-way.
#
#   bench/load/chaos.sh [--json] [--only provider-429,postgres-restart]
#
# Prints one entry per fault: {"fault", "expected", "observed", "passed"}; exit code 2 when any failed.
set -euo pipefail
exec "$(dirname "$0")/rig.sh" chaos "$@"
