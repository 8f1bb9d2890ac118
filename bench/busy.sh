#!/usr/bin/env bash
# Runs a command, then prints on standard error how many CPU-seconds the whole machine was busy
# while it ran (from /proc/stat), and the wall time: every process the command started counts,
# daemons and browsers included (which /usr/bin/time misses). Run it on an otherwise idle machine.
# Usage: bench/busy.sh COMMAND [ARGS...]
set -u
# Busy = user + nice + system + irq + softirq + steal jiffies (steal: a VM's core taken by its host).
busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
hz=$(getconf CLK_TCK)
b0=$(busy); t0=$(date +%s.%N)
"$@"; rc=$?
b1=$(busy); t1=$(date +%s.%N)
awk -v b="$((b1 - b0))" -v hz="$hz" -v t0="$t0" -v t1="$t1" \
  'BEGIN {printf "busy %.0f core-s over %.1f s\n", b / hz, t1 - t0}' >&2
exit "$rc"
