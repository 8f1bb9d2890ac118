#!/usr/bin/env bash
# HTTP throughput of the real server with wrk sharing the machine:
#   GET /api/v1/health             (no database work beyond the schema version)
#   GET /api/v1/auth/me            (authenticated: session lookup + roles + department + region)
# Usage: bench/run.sh [DURATION_SECONDS] [CONNECTIONS]     (after `make build`)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
bin="$top/build/guiyan"
duration="${1:-10}"
conns="${2:-64}"
tmp="$(mktemp -d)"
trap 'kill $server 2>/dev/null || true; rm -rf "$tmp"' EXIT
db="sqlite:$tmp/bench.db"
port=18765
printf 'Bench#2026x\n' | "$bin" user add bench --role sysadmin --region 421000 \
  --department 荆州市人社局 --password-stdin --db "$db" >/dev/null
"$bin" serve --listen 127.0.0.1:$port --db "$db" --web "$tmp/none" >/dev/null 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.05; done
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
  -d '{"username":"bench","password":"Bench#2026x"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# date: $(date -u +%Y-%m-%dT%H:%MZ)  wrk -t2 -c$conns -d${duration}s"
echo "## GET /api/v1/health"
wrk -t2 -c"$conns" -d"${duration}s" --latency "http://127.0.0.1:$port/api/v1/health"
echo "## GET /api/v1/auth/me (Bearer token)"
wrk -t2 -c"$conns" -d"${duration}s" --latency -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/v1/auth/me"
