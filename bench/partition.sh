#!/usr/bin/env bash
# PostgreSQL declarative partitioning of the people table by city code, tried and measured:
# N person rows (real Hubei village codes) in a plain table and in a table partitioned by range
# of region_code (one partition per city-level prefix), the same indexes, then the queries the
# registry runs: a city's counts by status, a county's first page, the province's counts.
# Usage: bench/partition.sh [N]    (Debian's postgresql package; starts its own cluster)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000000}"
tmp="$(mktemp -d)"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$tmp"
trap 'as_pg "$pgbin/pg_ctl" -D "$tmp/pg" -m immediate stop >/dev/null 2>&1; rm -rf "$tmp"' EXIT
as_pg "$pgbin/initdb" -D "$tmp/pg" -A trust -U postgres -E UTF8 --locale=C >/dev/null
as_pg "$pgbin/pg_ctl" -D "$tmp/pg" -l "$tmp/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=15434 -c unix_socket_directories='' -c shared_buffers=512MB -c max_parallel_workers_per_gather=0" start >/dev/null
psql="psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 15434 -U postgres -d postgres"
grep ',5$' "$top/data/hubei_regions.csv" | cut -d, -f1 > "$tmp/villages.txt"
cp "$tmp/villages.txt" /tmp/guiyan-villages.txt
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); N=$n"
echo "# date: $(date -u +%Y-%m-%dT%H:%MZ)  PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}')"
$psql <<SQL
CREATE TABLE village (n SERIAL, code TEXT);
\copy village (code) FROM '/tmp/guiyan-villages.txt'
CREATE TABLE person_plain (id BIGINT PRIMARY KEY, region_code TEXT NOT NULL, status TEXT NOT NULL,
  funnel_stage TEXT NOT NULL, name TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE person_part (id BIGINT NOT NULL, region_code TEXT NOT NULL, status TEXT NOT NULL,
  funnel_stage TEXT NOT NULL, name TEXT NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (region_code, id)) PARTITION BY RANGE (region_code);
DO \$\$
DECLARE p TEXT;
BEGIN
  FOR p IN SELECT DISTINCT left(code, 4) FROM village ORDER BY 1 LOOP
    EXECUTE format('CREATE TABLE person_part_%s PARTITION OF person_part FOR VALUES FROM (%L) TO (%L)',
                   p, p, left(p, 3) || chr(ascii(right(p, 1)) + 1));
  END LOOP;
END \$\$;
\timing on
INSERT INTO person_plain
SELECT g, v.code,
       (ARRAY['away','returned','employed_home','started_business','left_again'])[1 + g % 5],
       (ARRAY['identified','contacted','landed'])[1 + g % 3], 'p' || g, '2026-01-01T00:00:00Z'
FROM generate_series(1::bigint, $n) g
JOIN village v ON v.n = 1 + (g * 7919) % (SELECT count(*) FROM village);
INSERT INTO person_part SELECT * FROM person_plain;
CREATE INDEX ON person_plain (region_code, status);
CREATE INDEX ON person_part (region_code, status);
\timing off
VACUUM ANALYZE person_plain;
VACUUM ANALYZE person_part;
SQL
echo "## partitions: $($psql -At -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'person_part'::regclass")"
echo "## rows: plain $($psql -At -c "SELECT count(*) FROM person_plain"), partitioned $($psql -At -c "SELECT count(*) FROM person_part"), in 荆州 (4210) $($psql -At -c "SELECT count(*) FROM person_plain WHERE region_code >= '4210' AND region_code < '4211'")"
# Median of 7 runs of each query on each table, in milliseconds (EXPLAIN ANALYZE execution time).
for q in "city counts|SELECT status, count(*) FROM %s WHERE region_code >= '4210' AND region_code < '4211' GROUP BY status" \
         "county first page|SELECT * FROM %s WHERE region_code >= '421022' AND region_code < '421023' ORDER BY id DESC LIMIT 20" \
         "province counts|SELECT status, count(*) FROM %s WHERE region_code >= '42' AND region_code < '43' GROUP BY status" \
         "one village|SELECT count(*) FROM %s WHERE region_code = '421022100001'"; do
  label="${q%%|*}"
  sql="${q#*|}"
  for t in person_plain person_part; do
    times=()
    for _ in 1 2 3 4 5 6 7; do
      ms=$($psql -At -c "EXPLAIN (ANALYZE, FORMAT JSON) $(printf "$sql" "$t")" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')
      times+=("$ms")
    done
    med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 4p)
    printf '%-18s %-13s median %8.2f ms\n' "$label" "$t" "$med"
  done
done
echo "## dropping one city's rows"
$psql -c '\timing on' -c "DELETE FROM person_plain WHERE region_code >= '4210' AND region_code < '4211'" 2>&1 | grep Time | sed 's/^/plain DELETE: /'
$psql -c '\timing on' -c "ALTER TABLE person_part DETACH PARTITION person_part_4210" 2>&1 | grep Time | sed 's/^/partitioned DETACH: /'
