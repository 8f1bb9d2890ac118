#!/usr/bin/env bash
# People registry at scale (SQLite): import N generated people (the import ends with duplicate
# detection), detection again on its own, the plain-SQLite floor on the same rows, search latency
# through the HTTP API, and a full export.
# Usage: bench/people.sh [N]      (after `make build`; needs /usr/bin/time and sqlite3)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
. "$top/bench/timed_get.sh"
. "$top/bench/server.sh"
bin="$top/build/guiyan"
n="${1:-1000000}"
kind="${2:-sqlite}"
tmp="$(mktemp -d)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1)
cleanup() {
  kill ${server:-} 2>/dev/null || true
  [ "$kind" = postgresql ] && as_pg "$pgbin/pg_ctl" -D "$tmp/pg" -m immediate stop >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); N=$n; database $kind"
echo "# date: $(date -u +%Y-%m-%dT%H:%MZ)"

"$top/build/gen_people" "$n" "$tmp/people.csv" --floor "$tmp/floor.csv"
echo "## generated: $(du -h "$tmp/people.csv" | cut -f1) csv"

db="sqlite:$tmp/bench.db"
if [ "$kind" = postgresql ]; then
  [ "$(id -u)" = 0 ] && chown postgres: "$tmp"
  as_pg "$pgbin/initdb" -D "$tmp/pg" -A trust -U postgres -E UTF8 --locale=C >/dev/null
  as_pg "$pgbin/pg_ctl" -D "$tmp/pg" -l "$tmp/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=15433 -c unix_socket_directories='' -c shared_buffers=512MB" start >/dev/null
  psql -q -h 127.0.0.1 -p 15433 -U postgres -c "CREATE DATABASE guiyan TEMPLATE template0 ENCODING UTF8 LC_COLLATE 'C' LC_CTYPE 'C'"
  db="postgresql://postgres@127.0.0.1:15433/guiyan"
fi
"$bin" migrate --db "$db" >/dev/null
echo "## import (guiyan import people, one process)"
/usr/bin/time -f "elapsed %e s, peak RSS %M KB" "$bin" import people "$tmp/people.csv" \
  --db "$db" 2>&1 >"$tmp/summary.json" | grep -E "elapsed|错误" || true
cat "$tmp/summary.json"

echo "## duplicate detection again over the whole registry (guiyan dedupe people)"
/usr/bin/time -f "elapsed %e s, peak RSS %M KB" "$bin" dedupe people --db "$db" 2>&1

if [ "$kind" = sqlite ]; then
echo "## floor: sqlite3 .import into a bare table, two indexes, FTS5 over the same tokens"
start=$(date +%s.%N)
sqlite3 "$tmp/floor.db" <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE p (name TEXT, id_number TEXT, phone TEXT, region_code TEXT, tokens TEXT);
.mode csv
.import --skip 1 $tmp/floor.csv p
CREATE INDEX p_id ON p (id_number);
CREATE INDEX p_region ON p (region_code);
CREATE VIRTUAL TABLE p_fts USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO p_fts (rowid, tokens) SELECT rowid, tokens FROM p;
SQL
end=$(date +%s.%N)
echo "floor elapsed $(echo "$end - $start" | bc) s"
fi

echo "## search latency through the API (sequential requests, fixed query mix)"
printf 'Bench#2026x\n' | "$bin" user add bench --role leader --role clerk --region 420000 \
  --department 湖北省人社厅 --password-stdin --db "$db" >/dev/null
"$bin" serve --listen 127.0.0.1:18790 --db "$db" --web "$tmp/none" >/dev/null 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:18790/api/v1/health >/dev/null && break; sleep 0.1; done
token=$(curl -sf -X POST http://127.0.0.1:18790/api/v1/auth/login \
  -d '{"username":"bench","password":"Bench#2026x"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
mapfile -t queries < <(grep -v '^#' "$top/bench/search_mix.txt" | grep -v '^$')
for q in "${queries[@]}"; do  # the first request of each query, after the start (not timed)
  timed_get "$token" "http://127.0.0.1:18790/api/v1/people?limit=20&$q" >/dev/null
done
bench_idle "$server"
: > "$tmp/lat.txt"
for round in $(seq 20); do
  for q in "${queries[@]}"; do
    timed_get "$token" \
      "http://127.0.0.1:18790/api/v1/people?limit=20&$q" >> "$tmp/lat.txt"
  done
done
sort -n "$tmp/lat.txt" | awk '{a[NR]=$1} END {printf "requests %d, p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", NR, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'

echo "## stats queries (GET /people/stats) for the province, a city and a county"
: > "$tmp/stats.txt"
for round in $(seq 10); do
  for r in 420000 421000 421022; do
    timed_get "$token" \
      "http://127.0.0.1:18790/api/v1/people/stats?region=$r" >> "$tmp/stats.txt"
  done
done
sort -n "$tmp/stats.txt" | awk '{a[NR]=$1} END {printf "requests %d, p50 %.1f ms, p95 %.1f ms\n", NR, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000}'

echo "## export of all N people to .xlsx through the API"
echo 5 > /proc/$server/clear_refs  # reset the peak: measure the export's own, not the searches'
start=$(date +%s.%N)
curl -s -o "$tmp/export.xlsx" -H "Authorization: Bearer $token" \
  "http://127.0.0.1:18790/api/v1/people/export?format=xlsx&limit=500"
end=$(date +%s.%N)
echo "export elapsed $(echo "$end - $start" | bc) s, file $(du -h "$tmp/export.xlsx" | cut -f1), server peak RSS $(grep VmHWM /proc/$server/status | awk '{print $2, $3}')"
