#!/bin/bash
# Which of a settled server's slow requests follow a periodic task of the machine: runs the
# search mix (bench/search_mix.txt) ROUNDS times with curl, as bench/search.sh does, while perf
# records the scheduler's switches; then, for the requests slower than their query's median by
# more than 3 ms, prints when they started after the last run of TASK (a kernel thread such as
# kdamond.0, the VM's memory monitor) in 10 ms bins, against the other requests.
# Usage: bench/stalls.sh DB_URL [ROUNDS] [TASK]   (needs perf: Debian's linux-perf; run as root)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
. "$top/bench/server.sh"
bin="$top/build/guiyan"
db="$1"
rounds="${2:-40}"
task="${3:-kdamond.0}"
port=18797
bench_begin
bench_account bench leader clerk
bench_serve
token=$(bench_login bench)
mapfile -t queries < <(grep -v '^#' "$top/bench/search_mix.txt" | grep -v '^$')
for q in "${queries[@]}"; do
  curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/people?limit=20&$q"
done
bench_idle "$server"
# perf stamps with CLOCK_MONOTONIC, bash with the wall clock: note the offset before and after.
offset() { python3 -c 'import time; print(time.time() - time.clock_gettime(time.CLOCK_MONOTONIC))'; }
offset > "$tmp/offset"
perf record -q -k CLOCK_MONOTONIC -e sched:sched_switch -a -o "$tmp/sched.data" -- sleep 100000 \
  >/dev/null 2>&1 &
perf=$!
sleep 1
for _ in $(seq "$rounds"); do
  for i in "${!queries[@]}"; do
    t0=$EPOCHREALTIME
    t=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port/api/v1/people?limit=20&${queries[$i]}")
    echo "$i $t0 $EPOCHREALTIME $t" >> "$tmp/requests.txt"
  done
done
sleep 1
kill -INT $perf
wait $perf || true
offset >> "$tmp/offset"
echo "# offsets (wall clock - monotonic) before and after: $(tr '\n' ' ' < "$tmp/offset")"
perf script -i "$tmp/sched.data" 2>/dev/null |
  python3 "$top/bench/stall_phase.py" "$tmp/requests.txt" "$(head -1 "$tmp/offset")" "$task"
