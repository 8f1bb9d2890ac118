#!/bin/bash
# Times the export of every person to .xlsx through the API on an existing database, with the
# server's peak memory during the export (reset just before it).
#   bench/export.sh DB_URL        (from the repository root, after `make build`)
set -euo pipefail
bin=build/guiyan; db="$1"; port=18796
source bench/server.sh
bench_begin
bench_account bench_dash leader clerk
bench_serve
token=$(bench_login bench_dash)
sleep 5  # the list index loads in the background at start: not the export's memory
echo 5 > /proc/$server/clear_refs
start=$(date +%s.%N)
code=$(curl -s -o "$tmp/export.xlsx" -w '%{http_code}' -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/v1/people/export?format=xlsx")
if [ "$code" != 200 ]; then echo "bench: export answered $code, not 200; stopping" >&2; exit 1; fi
end=$(date +%s.%N)
echo "export elapsed $(echo "$end - $start" | bc) s, file $(du -h "$tmp/export.xlsx" | cut -f1), server peak RSS $(grep VmHWM /proc/$server/status | awk '{print $2, $3}')"
