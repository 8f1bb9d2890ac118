# Sourced by the benchmark scripts that time the API: a temporary folder removed at exit with the
# server, bench accounts, a server on a loopback port, and signing in. The script sets $bin, $db
# and $port first; these set $tmp, $server and print tokens.

# Makes $tmp and the exit trap that stops the server and removes $tmp.
bench_begin() {
  tmp="$(mktemp -d)"
  trap 'kill ${server:-} 2>/dev/null || true; rm -rf "$tmp"' EXIT
}

# bench_account NAME ROLE…: a province account (region 420000, password Bench#2026x) with these
# roles; an account already there from an earlier run is kept as it is.
bench_account() {
  local name="$1" roles=()
  shift
  for r in "$@"; do roles+=(--role "$r"); done
  printf 'Bench#2026x\n' | "$bin" user add "$name" "${roles[@]}" --region 420000 \
    --department 湖北省人社厅 --password-stdin --db "$db" >/dev/null 2>&1 || true
}

# Starts guiyan serve on $db at 127.0.0.1:$port (sets $server) and waits until it answers.
bench_serve() {
  "$bin" serve --listen 127.0.0.1:$port --db "$db" --web "$tmp/none" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 300); do curl -sf http://127.0.0.1:$port/api/v1/health >/dev/null && break; sleep 0.1; done
}

# bench_login NAME: prints the session token of a bench account.
bench_login() {
  curl -sf -X POST http://127.0.0.1:$port/api/v1/auth/login \
    -d "{\"username\":\"$1\",\"password\":\"Bench#2026x\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# bench_idle PID: waits until the server has finished the work it does after starting (loading
# the list indexes, computing the dashboard's figures: ~10 s of CPU at a million people, on
# PostgreSQL mostly in its backends), i.e. the whole machine used under 5% of one core over five
# seconds (longer than the 2 s pause between the figures' probes and their computing; at most
# 300 s), and prints how long that took and the server's own CPU time.
# Latency is measured on a settled server; the first requests' figures are printed apart.
bench_idle() {
  local waited=0 last=-1000000 now hz
  hz=$(getconf CLK_TCK)
  while [ "$waited" -lt 300 ]; do
    # Busy ticks of all cores: user, nice, system, irq, softirq, steal.
    now=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)
    [ $((now - last)) -lt $((hz / 4)) ] && break
    last=$now
    sleep 5
    waited=$((waited + 5))
  done
  echo "# settled after ${waited} s (the server's CPU time: $(awk '{print int(($14 + $15) / '"$hz"')}' "/proc/$1/stat") s)"
}
