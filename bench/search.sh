#!/bin/bash
# Search latency through the HTTP API on an existing database: the fixed mix of
# bench/search_mix.txt, ROUNDS rounds of sequential requests, after one warm-up round.
# Prints the p50/p95/max over all requests, then the median and max of each query.
# Usage: bench/search.sh DB_URL [ROUNDS]     (after `make build`; e.g. sqlite:/tmp/bench.db)
# GUIYAN_BIN=PATH runs another build of the server (two builds compared alternately).
# With WRITE=1, every timed search follows an edit of one person (PATCH of skills_note, not
# timed): the answers the server keeps in memory must then be brought up to date first.
# The timed rounds start once the server has finished its start-up work; with AT_START=1 they
# start at once, alongside that work (what users see in the first ~10 s after a start).
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
. "$top/bench/timed_get.sh"
. "$top/bench/server.sh"
bin="${GUIYAN_BIN:-$top/build/guiyan}"  # GUIYAN_BIN: another build, to compare two
db="$1"
rounds="${2:-20}"
port=18795
bench_begin
bench_account bench leader clerk
bench_account bench_clerk clerk
bench_serve
token=$(bench_login bench)
clerk=$(bench_login bench_clerk)
mapfile -t queries < <(grep -v '^#' "$top/bench/search_mix.txt" | grep -v '^$')
ask() {
  timed_get "$token" \
    "http://127.0.0.1:$port/api/v1/people?limit=20&$1"
}
# Warm-up: the page cache, the server's list index and its kept search answers. Its times are
# those of a query's first request after the server started (the start-up load of the list
# index happens in the background and may still be running during the first queries). The
# timed rounds then wait until the server has finished its start-up work (bench_idle).
: > "$tmp/first.txt"
for q in "${queries[@]}"; do ask "$q" >> "$tmp/first.txt"; done
[ "${AT_START:-0}" = 1 ] || bench_idle "$server"
: > "$tmp/all.txt"
for i in "${!queries[@]}"; do : > "$tmp/q$i.txt"; done
edit() {
  [ "${WRITE:-0}" = 1 ] || return 0
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $clerk" \
    -d "{\"skills_note\":\"电工 $RANDOM\"}" "http://127.0.0.1:$port/api/v1/people/$((RANDOM * 30 + 1))")
  # 404: that id was merged into another person or never given; any other failure stops.
  case "$code" in 200|404) ;; *) echo "bench: PATCH answered $code; stopping" >&2; exit 1 ;; esac
}
for _ in $(seq "$rounds"); do
  for i in "${!queries[@]}"; do
    edit
    ask "${queries[$i]}" | tee -a "$tmp/all.txt" >> "$tmp/q$i.txt"
  done
done
sort -n "$tmp/all.txt" | awk '{a[NR]=$1} END {printf "requests %d, p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", NR, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
paste "$tmp/first.txt" <(printf '%s\n' "${queries[@]}") | awk '{printf "  first request %6.1f ms  %s\n", $1*1000, $2}'
for i in "${!queries[@]}"; do
  sort -n "$tmp/q$i.txt" | awk -v q="${queries[$i]}" '{a[NR]=$1} END {printf "  median %6.1f ms, max %6.1f ms  %s\n", a[int((NR+1)/2)]*1000, a[NR]*1000, q}'
done
