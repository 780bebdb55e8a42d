#!/usr/bin/env bash
# CLI-level figures for docs/benchmarks.md: peak RSS and time of ingesting COVID-QA, cold-start time, ask latency.
# Usage: bench/cli-figures.sh [DATA_DIR]   (default ../shared/data). Needs python3; uses /proc for peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
[ -f "$DATA/covidqa/covidqa.json" ] || { echo "skipped: $DATA/covidqa/covidqa.json not found"; exit 0; }
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
dotnet build -c Release src/Grounded.Cli -o "$WORK/cli" --nologo -v quiet >/dev/null
CLI="$WORK/cli/grounded"
python3 - "$DATA/covidqa/covidqa.json" "$WORK/corpus" "$WORK/questions.txt" <<'PY'
import json,sys,os
src,out,qf=sys.argv[1:4]; os.makedirs(out)
qs=[]
for i,d in enumerate(json.load(open(src))["data"]):
    p=d["paragraphs"][0]; open(os.path.join(out,f"paper-{i:03d}.txt"),"w").write(p["context"])
    qs += [q["question"] for q in p["qas"][1:2]]
open(qf,"w").write("\n".join(qs[:40])+"\n")
PY
python3 - "$CLI" "$WORK" <<'PY'
import subprocess,sys,time,json,statistics,resource
cli,work=sys.argv[1:3]
def run(*args):
    t=time.perf_counter(); p=subprocess.run([cli,*args],capture_output=True,text=True); return time.perf_counter()-t,p
t,p=run("ingest",f"{work}/corpus","--store",f"{work}/s","--json")
rss=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024
r=json.loads(p.stdout)
print(f"ingest COVID-QA: {r['documents']['added']} papers, {r['chunks']} chunks in {t:.1f} s; peak RSS {rss:.0f} MB")
helps=[run("--help")[0] for _ in range(5)]
stats=[run("status","--store",f"{work}/s")[0] for _ in range(5)]
print(f"cold start: --help {statistics.median(helps)*1000:.0f} ms, status (opens store + loads model) {statistics.median(stats)*1000:.0f} ms (median of 5)")
def pct(xs,p): xs=sorted(xs); return xs[min(len(xs)-1,int(round(p/100*(len(xs)-1))))]
questions=[q for q in open(f"{work}/questions.txt").read().split("\n") if q]
# The default (15 candidates reranked, two-model answerer) and --rerank 0 (no reranking), each question as its own process.
for label,extra in (("default",[]),("--rerank 0",["--rerank","0"])):
    walls=[];inproc=[];abst=0
    for q in questions:
        t,p=run("ask",q,"--store",f"{work}/s","--json",*extra); d=json.loads(p.stdout)
        walls.append(t*1000); inproc.append(d["timings"]["totalMs"]); abst+=d["abstained"]
    print(f"ask {label} ({len(walls)} questions): in-process p50 {pct(inproc,50):.0f} ms, p95 {pct(inproc,95):.0f} ms; whole CLI process p50 {pct(walls,50):.0f} ms, p95 {pct(walls,95):.0f} ms; abstained {abst}")
rss=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024
print(f"peak RSS of any CLI process in the run (the ingest's, or an ask's when larger): {rss:.0f} MB")
PY
