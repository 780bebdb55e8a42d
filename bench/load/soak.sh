#!/usr/bin/env bash
# The soak: the mix at a steady rate for a long time, each replica's memory, handles and threads sampled every window,
# and their slope per hour reported.
#
#   bench/load/soak.sh --replicas 2 --rate 40 --minutes 30 [--sample-seconds 30] [--json]
set -euo pipefail
exec "$(dirname "$0")/rig.sh" soak "$@"
