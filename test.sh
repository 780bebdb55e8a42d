#!/usr/bin/env bash
# Runs every test: the solution's (dotnet test, including the web app's in headless Chromium), then the OpenAI SDK conformance suite (test/openai-conformance, Node).
# Used by CI (.ci/run) and by hand:
#   ./test.sh                       everything; other arguments go to dotnet test (e.g. --filter ...)
#   ./test.sh --conformance-only    build, then only the conformance suite (no dotnet test, no services)
# The answer-quality gate: eval/datasets/grounded-docs.jsonl through the extractive answerer over the bundled docs, against
# eval/baselines/grounded-docs.extractive.json (see eval/README.md); it fails the run when a metric regresses.
# Tests that read the shared evaluation data look for ../shared/data (or $GROUNDED_DATA) and skip with a message when absent.
# The exit code is non-zero when either part fails; the last line sums both ("N passed, N failed, N skipped").
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK is required (dotnet not on PATH)"; exit 2; }

conformance_only=0
dotnet_args=()
for arg in "$@"; do
  if [ "$arg" = --conformance-only ]; then conformance_only=1; else dotnet_args+=("$arg"); fi
done
tmp=${TMPDIR:-/tmp}
dotnet_log=$tmp/grounded-test.log
node_log=$tmp/grounded-conformance.log

# PostgreSQL + pgvector and Redis for the scale-out tests (scripts/services.sh; installs them on Debian/Ubuntu when
# missing). Without them those tests skip locally and fail under CI. Already exported (as .ci/run does): used as they are.
if [ "$conformance_only" = 0 ] && [ -z "${GROUNDED_TEST_POSTGRES:-}" ] && [ "${GROUNDED_NO_SERVICES:-0}" != 1 ]; then
  if services=$(scripts/services.sh start 2>"$tmp/grounded-services.log"); then
    eval "$services"
    echo "services: $GROUNDED_TEST_POSTGRES, redis $GROUNDED_TEST_REDIS (left running; scripts/services.sh stop ends them)"
  else
    echo "services: could not start PostgreSQL/Redis ($(tail -1 "$tmp/grounded-services.log")); their tests will skip"
  fi
fi
# Debian's Chromium for the web app's browser tests (test/Grounded.Web.Tests, driven by Playwright): installed when missing
# and apt-get can (root); otherwise those tests skip with how to install it, and fail under CI.
if [ "$conformance_only" = 0 ] && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
    && [ -z "${GROUNDED_CHROMIUM:-}" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "browser tests: installing Debian's chromium"
  (apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; }) \
    || echo "browser tests: could not install chromium; they will skip (fail under CI)"
fi
dotnet build Grounded.slnx -c Release --nologo -v quiet

dotnet_status=0
dotnet_summary=""
if [ "$conformance_only" = 0 ]; then
  dotnet test Grounded.slnx -c Release --no-build --nologo --logger "console;verbosity=normal" ${dotnet_args[@]+"${dotnet_args[@]}"} 2>&1 \
    | tee "$dotnet_log" || dotnet_status=$?
  dotnet_summary=$(awk '$1=="Passed:" {p+=$2} $1=="Failed:" {f+=$2} $1=="Skipped:" {s+=$2} END {printf "%d %d %d", p, f, s}' "$dotnet_log")
fi

# The answer-quality regression gate, with the CLI just built, on a fresh store of the bundled docs (no config: extractive).
eval_status=0
eval_summary=""
if [ "$conformance_only" = 0 ]; then
  eval_store=$(mktemp -d "$tmp/grounded-eval-gate.XXXXXX")
  if env -u GROUNDED_CONFIG -u GROUNDED_HOME dotnet src/Grounded.Cli/bin/Release/net10.0/grounded.dll eval run \
      --dataset eval/datasets/grounded-docs.jsonl --baseline eval/baselines/grounded-docs.extractive.json \
      --store "$eval_store" --json >"$tmp/grounded-eval-gate.json" 2>"$tmp/grounded-eval-gate.log"; then
    eval_summary="1 0 0"
    echo "eval gate: passed (report in $tmp/grounded-eval-gate.json)"
  else
    eval_status=$?
    eval_summary="0 1 0"
    echo "eval gate: FAILED: $(tail -1 "$tmp/grounded-eval-gate.log") (report in $tmp/grounded-eval-gate.json)"
  fi
  rm -rf "$eval_store"
fi

# The conformance suite: the official `openai` npm package against `grounded serve` (see test/openai-conformance/README.md).
node_status=0
node_summary=""
suite=test/openai-conformance
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "conformance: node and npm are required for $suite (Node.js 20 or later with npm)"
  if [ -n "${CI:-}" ]; then node_status=2; else echo "conformance: skipped (not under CI)"; fi
elif ! (cd "$suite" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error); then
  echo "conformance: npm ci failed in $suite"
  node_status=2
else
  (cd "$suite" && npm test --silent) 2>&1 | tee "$node_log" || node_status=$?
  # node --test's spec reporter ends with "ℹ pass N", "ℹ fail N", "ℹ cancelled N", "ℹ skipped N", "ℹ todo N".
  node_summary=$(awk '$2=="pass" {p+=$3} $2=="fail" {f+=$3} $2=="cancelled" {f+=$3} $2=="skipped" || $2=="todo" {s+=$3} END {printf "%d %d %d", p, f, s}' "$node_log")
  if [ "$node_status" != 0 ] && [ "$node_summary" = "0 0 0" ]; then node_summary="0 1 0"; fi # it crashed before counting
fi

# One plain closing line for any reader of the log, after the parts it sums.
read -r dp df ds <<<"${dotnet_summary:-0 0 0}"
read -r np nf ns <<<"${node_summary:-0 0 0}"
read -r ep ef es <<<"${eval_summary:-0 0 0}"
[ -n "$dotnet_summary" ] && echo "dotnet test: $dp passed, $df failed, $ds skipped"
[ -n "$node_summary" ] && echo "conformance (openai SDK): $np passed, $nf failed, $ns skipped"
[ -n "$eval_summary" ] && echo "eval gate (eval/datasets/grounded-docs.jsonl): $ep passed, $ef failed"
echo "$((dp + np + ep)) passed, $((df + nf + ef)) failed, $((ds + ns + es)) skipped"
if [ "$dotnet_status" != 0 ]; then exit "$dotnet_status"; fi
if [ "$eval_status" != 0 ]; then exit "$eval_status"; fi
exit "$node_status"
