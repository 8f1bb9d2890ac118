#!/bin/bash
# Search latency through the HTTP API on an existing database: the fixed mix of
# bench/search_mix.txt, ROUNDS rounds of sequential requests, after one warm-up round.
# Prints the p50/p95/max over all requests, then the median and max of each query.
# Usage: bench/search.sh DB_URL [ROUNDS]     (after `make build`; e.g. sqlite:/tmp/bench.db)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
. "$top/bench/timed_get.sh"
bin="$top/build/guiyan"
db="$1"
rounds="${2:-20}"
port=18795
tmp="$(mktemp -d)"
cleanup() { kill ${server:-} 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
printf 'Bench#2026x\n' | "$bin" user add bench --role leader --role clerk --region 420000 \
  --department 湖北省人社厅 --password-stdin --db "$db" >/dev/null 2>&1 || true
"$bin" serve --listen 127.0.0.1:$port --db "$db" --web "$tmp/none" >/dev/null 2>&1 &
server=$!
for _ in $(seq 300); do curl -sf http://127.0.0.1:$port/api/v1/health >/dev/null && break; sleep 0.1; done
token=$(curl -sf -X POST http://127.0.0.1:$port/api/v1/auth/login \
  -d '{"username":"bench","password":"Bench#2026x"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
mapfile -t queries < <(grep -v '^#' "$top/bench/search_mix.txt" | grep -v '^$')
ask() {
  timed_get "$token" \
    "http://127.0.0.1:$port/api/v1/people?limit=20&$1"
}
for q in "${queries[@]}"; do ask "$q" >/dev/null; done  # warm-up: caches, the server's list index
: > "$tmp/all.txt"
for i in "${!queries[@]}"; do : > "$tmp/q$i.txt"; done
for _ in $(seq "$rounds"); do
  for i in "${!queries[@]}"; do ask "${queries[$i]}" | tee -a "$tmp/all.txt" >> "$tmp/q$i.txt"; done
done
sort -n "$tmp/all.txt" | awk '{a[NR]=$1} END {printf "requests %d, p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", NR, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
for i in "${!queries[@]}"; do
  sort -n "$tmp/q$i.txt" | awk -v q="${queries[$i]}" '{a[NR]=$1} END {printf "  median %6.1f ms, max %6.1f ms  %s\n", a[int((NR+1)/2)]*1000, a[NR]*1000, q}'
done
