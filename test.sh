#!/usr/bin/env bash
# Runs every test of the solution. Used by CI (.ci/run) and by hand: ./test.sh
# Tests that read the shared evaluation data look for ../shared/data (or $GROUNDED_DATA) and skip with a message when absent.
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK is required (dotnet not on PATH)"; exit 2; }
# PostgreSQL + pgvector and Redis for the scale-out tests (scripts/services.sh; installs them on Debian/Ubuntu when
# missing). Without them those tests skip locally and fail under CI. Already exported (as .ci/run does): used as they are.
if [ -z "${GROUNDED_TEST_POSTGRES:-}" ] && [ "${GROUNDED_NO_SERVICES:-0}" != 1 ]; then
  if services=$(scripts/services.sh start 2>"${TMPDIR:-/tmp}/grounded-services.log"); then
    eval "$services"
    echo "services: $GROUNDED_TEST_POSTGRES, redis $GROUNDED_TEST_REDIS (left running; scripts/services.sh stop ends them)"
  else
    echo "services: could not start PostgreSQL/Redis ($(tail -1 "${TMPDIR:-/tmp}/grounded-services.log")); their tests will skip"
  fi
fi
dotnet build Grounded.slnx -c Release --nologo -v quiet
dotnet test Grounded.slnx -c Release --no-build --nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "${TMPDIR:-/tmp}/grounded-test.log"
# One plain closing line for any reader of the log; the exit code is dotnet test's (pipefail).
awk '$1=="Passed:" {p+=$2} $1=="Failed:" {f+=$2} $1=="Skipped:" {s+=$2} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}' "${TMPDIR:-/tmp}/grounded-test.log"
