"""Reads `perf script` of sched:sched_switch on stdin; argv: requests file (query index, wall-clock
start, wall-clock end, curl's time_total per line), the wall-clock minus monotonic offset, and
the periodic task's name. Prints the task's runs and period, then the slow requests (over their
query's median by > 3 ms) and the others by when they started after the task's last run."""
import bisect
import re
import statistics
import sys

requests_file, offset, task = sys.argv[1], float(sys.argv[2]), sys.argv[3]
requests = []
for line in open(requests_file):
    i, start, end, took = line.split()
    requests.append((int(i), float(start) - offset, float(end) - offset, float(took)))

runs, began = [], None
pattern = re.compile(r"\s([\d.]+): sched:sched_switch: prev_comm=(.*?) prev_pid=.* next_comm=(.*?) next_pid=")
for line in sys.stdin:
    m = pattern.search(line)
    if not m:
        continue
    t = float(m.group(1))
    if m.group(3) == task:
        began = t
    elif m.group(2) == task and began is not None:
        runs.append((began, t))
        began = None
if len(runs) < 2:
    sys.exit(f"{task} did not run twice during the rounds: nothing to compare with")

# A burst: runs less than 100 ms apart count as one, starting at its first.
bursts = []
for a, b in runs:
    if bursts and a - bursts[-1][1] < 0.1:
        bursts[-1][1] = b
    else:
        bursts.append([a, b])
starts = [a for a, _ in bursts]
print(f"# {task}: {len(bursts)} bursts, every {statistics.median(b - a for a, b in zip(starts, starts[1:])):.3f} s "
      f"(median), each {1000 * statistics.median(b - a for a, b in bursts):.1f} ms of its CPU (median)")

median = {}
for i in {r[0] for r in requests}:
    median[i] = statistics.median(r[3] for r in requests if r[0] == i)
bins = list(range(0, 100, 10))
slow, other = [0] * (len(bins) + 1), [0] * (len(bins) + 1)
all_times = []
for i, start, end, took in requests[len(median):]:  # the first round warms up
    began_at = end - took
    j = bisect.bisect_right(starts, began_at) - 1
    if j < 0 or began_at > starts[-1] + 1.0:
        continue
    after = (began_at - starts[j]) * 1000
    k = min(int(after // 10), len(bins))
    (slow if (took - median[i]) * 1000 > 3 else other)[k] += 1
    all_times.append(took * 1000)
all_times.sort()
print(f"# requests {len(all_times)}: p50 {all_times[len(all_times) // 2]:.1f} ms, "
      f"p95 {all_times[int(0.95 * len(all_times))]:.1f} ms")
print(f"{'started after the burst':>24} {'slow':>6} {'other':>6}")
for k in range(len(bins) + 1):
    label = f"{bins[k]}-{bins[k] + 10} ms" if k < len(bins) else ">= 100 ms"
    print(f"{label:>24} {slow[k]:>6} {other[k]:>6}")
