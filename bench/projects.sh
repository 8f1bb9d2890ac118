#!/usr/bin/env bash
# Investment projects at scale (SQLite): 20,000 projects (bench/projects.sql) added to a database
# that already holds the merchant library (bench/merchants.sh leaves none behind: give one made
# with `guiyan import merchants`), then the latency of bench/project_mix.txt through the API.
# Usage: bench/projects.sh sqlite:PATH [ROUNDS]     (after `make build`; needs sqlite3)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
. "$top/bench/timed_get.sh"
. "$top/bench/server.sh"
bin="$top/build/guiyan"
db="$1"
rounds="${2:-20}"
port=18797
bench_begin
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); database $db"
echo "# date: $(date -u +%Y-%m-%dT%H:%MZ)"
"$bin" migrate --db "$db" >/dev/null
if [ "$(sqlite3 "${db#sqlite:}" 'SELECT COUNT(*) FROM project')" = 0 ]; then
  start=$(date +%s.%N)
  sqlite3 "${db#sqlite:}" < "$top/bench/projects.sql"
  echo "## 20,000 projects generated in SQL: $(echo "$(date +%s.%N) - $start" | bc) s"
fi
echo "## $(sqlite3 "${db#sqlite:}" 'SELECT COUNT(*) FROM merchant') merchants, $(sqlite3 "${db#sqlite:}" 'SELECT COUNT(*) FROM project') projects, $(sqlite3 "${db#sqlite:}" 'SELECT COUNT(*) FROM project_stage') stage entries"
bench_account bench leader clerk
bench_serve
token=$(bench_login bench)
mapfile -t queries < <(grep -v '^#' "$top/bench/project_mix.txt" | grep -v '^$')
ask() {
  timed_get "$token" \
    "http://127.0.0.1:$port/api/v1/$1"
}
for q in "${queries[@]}"; do ask "$q" >/dev/null; done  # warm-up
echo "## query mix, $rounds rounds of sequential requests (bench/project_mix.txt)"
: > "$tmp/all.txt"
for i in "${!queries[@]}"; do : > "$tmp/q$i.txt"; done
for _ in $(seq "$rounds"); do
  for i in "${!queries[@]}"; do ask "${queries[$i]}" | tee -a "$tmp/all.txt" >> "$tmp/q$i.txt"; done
done
sort -n "$tmp/all.txt" | awk '{a[NR]=$1} END {printf "requests %d, p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", NR, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
for i in "${!queries[@]}"; do
  sort -n "$tmp/q$i.txt" | awk -v q="${queries[$i]}" '{a[NR]=$1} END {printf "  p95 %7.1f ms, median %7.1f ms  %s\n", a[int(NR*0.95)]*1000, a[int((NR+1)/2)]*1000, q}'
done
