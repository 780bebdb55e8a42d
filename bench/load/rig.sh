#!/usr/bin/env bash
# Shared by run.sh, chaos.sh and soak.sh: services, Release builds, then the rig's verb (load, chaos or soak).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
verb=$1; shift
export GROUNDED_SERVICES_DIR=${GROUNDED_LOAD_SERVICES_DIR:-/tmp/grounded-load-services}
export GROUNDED_REDIS_APPENDONLY=yes   # budgets and limits must survive a Redis restart (the chaos run restarts it)
eval "$(scripts/services.sh start)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "rig: building the CLI and the rig (Release)" >&2
dotnet build -c Release src/Grounded.Cli -v q -nologo -clp:ErrorsOnly >&2
dotnet build -c Release bench/Grounded.Bench.Load -v q -nologo -clp:ErrorsOnly >&2
exec dotnet bench/Grounded.Bench.Load/bin/Release/net10.0/Grounded.Bench.Load.dll "$verb" --repository "$root" "$@"
