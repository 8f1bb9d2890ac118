#!/usr/bin/env bash
# The leaders' dashboard at province scale (SQLite): times bench/dashboard_mix.txt through the API
# on a database prepared as bench/README.md "Dashboard" says (1,000,000 people, 260,000 merchants,
# 20,000 projects, bench/dashboard.sql).
# Usage: bench/dashboard.sh sqlite:PATH [ROUNDS]     (after `make build`; needs sqlite3)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
. "$top/bench/timed_get.sh"
bin="$top/build/guiyan"
db="$1"
rounds="${2:-20}"
port=18798
tmp="$(mktemp -d)"
cleanup() { kill ${server:-} 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
file="${db#sqlite:}"
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); database $db"
echo "# date: $(date -u +%Y-%m-%dT%H:%MZ)"
"$bin" migrate --db "$db" >/dev/null
for t in person person_status_history venture loan person_service merchant project project_stage event ambassador station; do
  printf '## %s: %s rows\n' "$t" "$(sqlite3 "$file" "SELECT COUNT(*) FROM $t")"
done
printf 'Bench#2026x\n' | "$bin" user add bench --role leader --region 420000 \
  --department 湖北省人社厅 --password-stdin --db "$db" >/dev/null 2>&1 || true  # present already on a rerun
"$bin" serve --listen 127.0.0.1:$port --db "$db" --web "$tmp/none" >/dev/null 2>&1 &
server=$!
for _ in $(seq 300); do curl -sf http://127.0.0.1:$port/api/v1/health >/dev/null && break; sleep 0.1; done
token=$(curl -sf -X POST http://127.0.0.1:$port/api/v1/auth/login \
  -d '{"username":"bench","password":"Bench#2026x"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
mapfile -t queries < <(grep -v '^#' "$top/bench/dashboard_mix.txt" | grep -v '^$')
ask() { timed_get "$token" "http://127.0.0.1:$port/api/v1/$1"; }
for q in "${queries[@]}"; do ask "$q" >/dev/null; done  # warm-up (first reads fill the page cache)
echo "## query mix, $rounds rounds of sequential requests (bench/dashboard_mix.txt)"
for i in "${!queries[@]}"; do : > "$tmp/q$i.txt"; done
for _ in $(seq "$rounds"); do
  for i in "${!queries[@]}"; do ask "${queries[$i]}" >> "$tmp/q$i.txt"; done
done
for i in "${!queries[@]}"; do
  sort -n "$tmp/q$i.txt" | awk -v q="${queries[$i]}" '{a[NR]=$1} END {printf "  p95 %8.1f ms, median %8.1f ms  %s\n", a[int(NR*0.95)]*1000, a[int((NR+1)/2)]*1000, q}'
done
