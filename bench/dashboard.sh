#!/usr/bin/env bash
# The leaders' dashboard at province scale (SQLite): times bench/dashboard_mix.txt through the API
# on a database prepared as bench/README.md "Dashboard" says (1,000,000 people, 260,000 merchants,
# 20,000 projects, bench/dashboard.sql).
# Usage: bench/dashboard.sh sqlite:PATH [ROUNDS]     (after `make build`; needs sqlite3)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
. "$top/bench/timed_get.sh"
. "$top/bench/server.sh"
bin="$top/build/guiyan"
db="$1"
rounds="${2:-20}"
port=18798
bench_begin
file="${db#sqlite:}"
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); database $db"
echo "# date: $(date -u +%Y-%m-%dT%H:%MZ)"
"$bin" migrate --db "$db" >/dev/null
for t in person person_status_history venture loan person_service merchant project project_stage event ambassador station; do
  printf '## %s: %s rows\n' "$t" "$(sqlite3 "$file" "SELECT COUNT(*) FROM $t")"
done
bench_account bench_dash leader clerk
bench_serve
token=$(bench_login bench_dash)
mapfile -t queries < <(grep -v '^#' "$top/bench/dashboard_mix.txt" | grep -v '^$')
ask() { timed_get "$token" "http://127.0.0.1:$port/api/v1/$1"; }
echo "## first requests after the server started (nothing computed yet)"
for q in "${queries[@]}"; do printf '  %8.1f ms  %s\n' "$(echo "$(ask "$q") * 1000" | bc)" "$q"; done
sleep 2.2  # the probes' answers settle: figures computed from now on are kept
for q in "${queries[@]}"; do ask "$q" >/dev/null; done
echo "## query mix, $rounds rounds of sequential requests (bench/dashboard_mix.txt)"
for i in "${!queries[@]}"; do : > "$tmp/q$i.txt"; done
for _ in $(seq "$rounds"); do
  for i in "${!queries[@]}"; do ask "${queries[$i]}" >> "$tmp/q$i.txt"; done
done
for i in "${!queries[@]}"; do
  sort -n "$tmp/q$i.txt" | awk -v q="${queries[$i]}" '{a[NR]=$1} END {printf "  p95 %8.1f ms, median %8.1f ms  %s\n", a[int(NR*0.95)]*1000, a[int((NR+1)/2)]*1000, q}'
done
# After a change: one person's status changes (the person-based figures are computed again, the
# others are reused), then the province's dashboard is asked for at once, three times over.
person=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/people?limit=1&region=421022" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
echo "## the province's dashboard right after one person's status changes (person $person)"
for status in returned away returned; do
  sleep 2.2
  curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"status\":\"$status\"}" "http://127.0.0.1:$port/api/v1/people/$person"
  printf '  %8.1f ms  status %s\n' "$(echo "$(ask 'dashboard?region=420000&year=2026') * 1000" | bc)" "$status"
done
# The common edit: a phone number. Nobody moves region, so since migration 028 the person-based
# figures are reused (before, any person edit made them be computed again).
echo "## the province's dashboard right after one person's phone changes (person $person)"
for phone in 13800001111 13800002222 13800003333; do
  sleep 2.2
  curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"phone\":\"$phone\"}" "http://127.0.0.1:$port/api/v1/people/$person"
  printf '  %8.1f ms  phone %s\n' "$(echo "$(ask 'dashboard?region=420000&year=2026') * 1000" | bc)" "$phone"
done
