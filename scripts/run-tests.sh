#!/usr/bin/env bash
# Runs every test suite and ends with one line: "N passed, N failed".
# Usage: scripts/run-tests.sh BUILD_DIR ASAN_BUILD_DIR
# BUILD_DIR (release) and web/dist must be built; the ASan build is brought up to date here
# (`make asan`), while the browser tests run.
set -uo pipefail
build="${1:-build}"
asan="${2:-build-asan}"
top="$(cd "$(dirname "$0")/.." && pwd)"
cd "$top"
mkdir -p test-output
passed=0
failed=0
suites_failed=()

# The browser tests start first and run beside everything else — the ASan build and the other
# suites — which runs under nice, so a browser step is not kept waiting for a core. Chromium
# keeps about 1.4 cores busy meanwhile (419 core-seconds over 305 s alone, counted with
# bench/busy.sh on 2026-12-07; /usr/bin/time had shown 0.46, missing Chromium's processes), so
# the ASan build beside them takes about twice its 300 s alone. One test file at a time: two side
# by side saved about a minute but made timing races likelier (a test read a message still
# showing from its previous step).
browser_log=test-output/browser.log
browser_started=$SECONDS
GUIYAN_BIN="$top/$build/guiyan" timeout -k 10 1800 node --test --test-concurrency=1 \
  --test-reporter=tap tests/browser/*.test.mjs >"$browser_log" 2>&1 &
browser_pid=$!
lower=(nice -n 10)

echo "== asan-build"
started=$SECONDS
asan_built=1
if "${lower[@]}" make -s --no-print-directory asan ASAN_BUILD="$asan" >test-output/asan-build.log 2>&1; then
  echo "   built ($((SECONDS - started)) s)"
else
  asan_built=0
  echo "   the ASan build failed ($((SECONDS - started)) s):"
  tail -40 test-output/asan-build.log
  suites_failed+=(asan-build); failed=$((failed + 1))
fi

# Runs a GoogleTest binary as $shards processes side by side (GoogleTest sharding; each shard
# listens on its own loopback address, see tests/support/loopback.h) and adds their counts.
shards="${GUIYAN_TEST_SHARDS:-2}"
gtest() {
  local name="$1"; shift
  local log="test-output/$name.log"
  echo "== $name"
  local started=$SECONDS
  local pids=() i rc=0
  for ((i = 0; i < shards; i++)); do
    # A hung test (GoogleTest has no timeout) fails its suite after 20 minutes instead of
    # eating the CI's whole time limit.
    GTEST_TOTAL_SHARDS=$shards GTEST_SHARD_INDEX=$i "${lower[@]}" timeout -k 10 1200 "$@" --gtest_brief=1 \
      >"$log.$i" 2>&1 &
    pids+=($!)
  done
  local r
  for ((i = 0; i < shards; i++)); do
    wait "${pids[$i]}"; r=$?
    if [ "$r" = 124 ] || [ "$r" = 137 ]; then echo "shard $i timed out after 1200 s" >>"$log.$i"; fi
    if [ "$r" != 0 ]; then rc=1; fi
  done
  local p=0 f=0 sp sf
  for ((i = 0; i < shards; i++)); do
    sp=$(grep -Eo '^\[  PASSED  \] [0-9]+' "$log.$i" | grep -Eo '[0-9]+$' || echo 0)
    sf=$(grep -Eo '^\[  FAILED  \] [0-9]+ tests?' "$log.$i" | grep -Eo '[0-9]+' | head -1 || echo 0)
    p=$((p + ${sp:-0})); f=$((f + ${sf:-0}))
  done
  cat "$log".* >"$log" && rm -f "$log".*
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi  # a crash, a sanitizer report or a timeout
  echo "   $p passed, $f failed ($((SECONDS - started)) s)"
  # Without the warning each test server prints on start (its cheap password hashing, see
  # tests/support/server_process.h), which would crowd out the failure; the log keeps them.
  if [ "$rc" != 0 ]; then
    grep -v '^警告：已设置 GUIYAN_INSECURE_TEST_PASSWORD_HASH=1' "$log" | tail -40
    suites_failed+=("$name")
  fi
  passed=$((passed + p)); failed=$((failed + f))
}

# Every C++ file laid out as .clang-format says (`make format` rewrites them): one check.
echo "== format"
log=test-output/format.log
find src tests bench -path '*/node_modules' -prune -o \( -name '*.cpp' -o -name '*.h' \) -print |
  sort | xargs "${lower[@]}" clang-format --dry-run -Werror >"$log" 2>&1
if [ -s "$log" ]; then
  echo "   0 passed, 1 failed: not as clang-format lays them out (make format):"
  grep -Eo '^[^:]+:[0-9]+:[0-9]+: error' "$log" | cut -d: -f1 | sort -u | sed 's/^/     /'
  suites_failed+=(format); failed=$((failed + 1))
else
  echo "   1 passed, 0 failed"; passed=$((passed + 1))
fi

gtest unit "$build/unit_tests"
gtest api "$build/api_tests"
# The same API suite on a real PostgreSQL server the harness starts itself (initdb + pg_ctl).
GUIYAN_TEST_DB=postgresql gtest api-postgresql "$build/api_tests"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
if [ "$asan_built" = 1 ]; then
  gtest unit-asan "$asan/unit_tests"
  gtest api-asan "$asan/api_tests"
fi

echo "== browser"
log="$browser_log"
wait "$browser_pid"
rc=$?
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then echo "the browser tests timed out after 1800 s" >>"$log"; fi
p=$(grep -Eo '^# pass [0-9]+' "$log" | grep -Eo '[0-9]+' || echo 0)
f=$(grep -Eo '^# fail [0-9]+' "$log" | grep -Eo '[0-9]+' || echo 0)
p=${p:-0}; f=${f:-0}
if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
# Their own time (the runner's last line), not the time until they were waited for.
ms=$(grep -Eo '^# duration_ms [0-9]+' "$log" | grep -Eo '[0-9]+$' || true)
took=$(( ${ms:-$(( (SECONDS - browser_started) * 1000 ))} / 1000 ))
echo "   $p passed, $f failed ($took s, beside the suites above)"
if [ "$rc" != 0 ]; then tail -60 "$log"; suites_failed+=(browser); fi
passed=$((passed + p)); failed=$((failed + f))

if [ ${#suites_failed[@]} -gt 0 ]; then
  echo "failing suites: ${suites_failed[*]} (logs in test-output/)"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
