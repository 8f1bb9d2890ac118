#!/usr/bin/env bash
# Merchant library at scale (SQLite): import N generated merchants (the province reports about
# 260,000), then the latency of the query mix of bench/merchant_mix.txt through the HTTP API.
# Usage: bench/merchants.sh [N] [ROUNDS]     (after `make build`; needs /usr/bin/time)
#        DB=sqlite:PATH bench/merchants.sh - [ROUNDS]   (the query mix only, on an existing database)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
. "$top/bench/timed_get.sh"
. "$top/bench/server.sh"
bin="$top/build/guiyan"
n="${1:-260000}"
rounds="${2:-20}"
port=18796
bench_begin
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); N=$n; database sqlite"
echo "# date: $(date -u +%Y-%m-%dT%H:%MZ)"
if [ "$n" = - ]; then
  db="$DB"
else
"$top/build/gen_merchants" "$n" "$tmp/merchants.csv"
echo "## generated: $(du -h "$tmp/merchants.csv" | cut -f1) csv"
db="sqlite:$tmp/bench.db"
"$bin" migrate --db "$db" >/dev/null
echo "## import (guiyan import merchants, one process)"
/usr/bin/time -f "elapsed %e s, peak RSS %M KB" "$bin" import merchants "$tmp/merchants.csv" \
  --db "$db" 2>&1 >"$tmp/summary.json" | grep -E "elapsed" || true
cat "$tmp/summary.json"
echo "## the same file again (every row matches a record)"
/usr/bin/time -f "elapsed %e s, peak RSS %M KB" "$bin" import merchants "$tmp/merchants.csv" \
  --db "$db" 2>&1 >"$tmp/summary.json" | grep -E "elapsed" || true
cat "$tmp/summary.json"
echo "## database: $(du -h "$tmp/bench.db" | cut -f1)"
fi

bench_account bench leader clerk
bench_serve
token=$(bench_login bench)
mapfile -t queries < <(grep -v '^#' "$top/bench/merchant_mix.txt" | grep -v '^$')
ask() {
  timed_get "$token" \
    "http://127.0.0.1:$port/api/v1/$1"
}
for q in "${queries[@]}"; do ask "$q" >/dev/null; done  # warm-up
echo "## query mix, $rounds rounds of sequential requests (bench/merchant_mix.txt)"
: > "$tmp/all.txt"
for i in "${!queries[@]}"; do : > "$tmp/q$i.txt"; done
for _ in $(seq "$rounds"); do
  for i in "${!queries[@]}"; do ask "${queries[$i]}" | tee -a "$tmp/all.txt" >> "$tmp/q$i.txt"; done
done
sort -n "$tmp/all.txt" | awk '{a[NR]=$1} END {printf "requests %d, p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", NR, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
for i in "${!queries[@]}"; do
  sort -n "$tmp/q$i.txt" | awk -v q="${queries[$i]}" '{a[NR]=$1} END {printf "  p95 %7.1f ms, median %7.1f ms  %s\n", a[int(NR*0.95)]*1000, a[int((NR+1)/2)]*1000, q}'
done
