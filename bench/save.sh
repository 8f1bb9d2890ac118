#!/bin/bash
# Times a person's save through the API (PATCH of the phone, six times each), the duplicate scan
# of that one person included, for the people given as ID pairs label:id.
#   bench/save.sh DB_URL unnumbered-common:10432 numbered-common:27
# Run from the repository root after `make build`; prints the seconds of each save.
set -euo pipefail
bin=build/guiyan; db="$1"; port=18931
shift
source bench/server.sh
bench_begin
bench_account bench_dash leader clerk
bench_serve
t=$(bench_login bench_dash)
# patch ID PHONE prints the seconds a save took; a refused save stops the benchmark.
patch() {
  local out
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X PATCH -H "Authorization: Bearer $t" \
    -H 'Content-Type: application/json' -d "{\"phone\":\"$2\"}" http://127.0.0.1:$port/api/v1/people/$1)
  if [ "${out%% *}" != 200 ]; then
    echo "bench: PATCH of person $1 answered ${out%% *}, not 200; stopping" >&2
    exit 1
  fi
  echo "${out#* }"
}
for label_id in "$@"; do
  id=${label_id#*:}
  echo "== ${label_id%%:*} (id $id)"
  for i in 1 2 3 4 5 6; do patch $id 1390000100$i; done
done
