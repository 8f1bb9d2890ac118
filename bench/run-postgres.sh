#!/usr/bin/env bash
# Authenticated reads (GET /api/v1/auth/me) against one and against two `guiyan serve` processes
# on one PostgreSQL 15 database, with wrk on the same machine. Starts its own PostgreSQL cluster
# (as the postgres user when run as root) in a temporary folder and removes it afterwards.
# Usage: bench/run-postgres.sh [DURATION_SECONDS] [CONNECTIONS]     (after `make build`)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
bin="$top/build/guiyan"
duration="${1:-10}"
conns="${2:-64}"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
tmp="$(mktemp -d)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$tmp"
pgport=15432
cleanup() {
  kill ${s1:-} ${s2:-} 2>/dev/null || true
  as_pg "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
as_pg "$pgbin/initdb" -D "$tmp/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
as_pg "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$pgport -c unix_socket_directories='' -c max_connections=100" start >/dev/null
psql -q -h 127.0.0.1 -p $pgport -U postgres -c "CREATE DATABASE guiyan TEMPLATE template0 ENCODING UTF8 LC_COLLATE 'C' LC_CTYPE 'C'"
db="postgresql://postgres@127.0.0.1:$pgport/guiyan"
printf 'Bench#2026x\n' | "$bin" user add bench --role sysadmin --region 421000 \
  --department 荆州市人社局 --password-stdin --db "$db" >/dev/null
"$bin" serve --listen 127.0.0.1:18771 --db "$db" --web "$tmp/none" >/dev/null 2>&1 & s1=$!
"$bin" serve --listen 127.0.0.1:18772 --db "$db" --web "$tmp/none" >/dev/null 2>&1 & s2=$!
for port in 18771 18772; do
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.05; done
done
token=$(curl -sf -X POST "http://127.0.0.1:18771/api/v1/auth/login" \
  -d '{"username":"bench","password":"Bench#2026x"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# date: $(date -u +%Y-%m-%dT%H:%MZ)  PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}')"
echo "## one server: wrk -t2 -c$conns -d${duration}s GET /api/v1/auth/me"
wrk -t2 -c"$conns" -d"${duration}s" --latency -H "Authorization: Bearer $token" \
  "http://127.0.0.1:18771/api/v1/auth/me"
echo "## two servers, one wrk each: wrk -t1 -c$((conns / 2)) -d${duration}s (same session token on both)"
wrk -t1 -c$((conns / 2)) -d"${duration}s" --latency -H "Authorization: Bearer $token" \
  "http://127.0.0.1:18771/api/v1/auth/me" > "$tmp/w1.txt" &
w1=$!
wrk -t1 -c$((conns / 2)) -d"${duration}s" --latency -H "Authorization: Bearer $token" \
  "http://127.0.0.1:18772/api/v1/auth/me" > "$tmp/w2.txt"
wait $w1
echo "### server 1"; cat "$tmp/w1.txt"
echo "### server 2"; cat "$tmp/w2.txt"
