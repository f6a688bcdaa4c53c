#!/usr/bin/env bash
# Long fuzzing of the analysis core (src/core), one libFuzzer harness after the other.
#
#   test/fuzz/long.sh [SECONDS_PER_HARNESS] [WORKDIR]     default 600 s, test/fuzz/work
#
# Builds every test/fuzz/fuzz_*.c (make fuzz-build), then runs each harness niced for
# SECONDS_PER_HARNESS with a growing corpus WORKDIR/<harness>/ (kept between runs, so
# repeated runs go deeper; seeds from test/fuzz/seeds).  Crashes, leaks, sanitizer
# reports and timeouts are written as WORKDIR/<harness>-crash-* etc. and make the
# script exit non-zero.  Prints one summary line per harness: executions, exec/s,
# corpus size, coverage.  For hours: test/fuzz/long.sh 14400; for several cores at
# once add e.g. FUZZ_EXTRA='-fork=2'.
# FUZZ_ONLY=fuzz_ner runs one harness (a glob over test/fuzz/fuzz_*.c names).
set -uo pipefail
secs=${1:-600}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${2:-$root/test/fuzz/work}
cd "$root"
make -s fuzz-build >/dev/null || { echo "fuzz-build failed" >&2; exit 1; }
status=0
for f in test/fuzz/${FUZZ_ONLY:-fuzz_*}.c; do
  h=$(basename "$f" .c)
  mkdir -p "$work/$h"
  log=$work/$h.long.log
  echo "fuzz: $h for ${secs}s (corpus $work/$h, log $log)"
  nice -n 19 "./test/fuzz/$h" -max_total_time="$secs" -max_len=65536 -len_control=100 \
     -rss_limit_mb=2048 -timeout=25 -print_final_stats=1 ${FUZZ_EXTRA:-} \
     -artifact_prefix="$work/$h-" "$work/$h" test/fuzz/seeds >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  crashes=$(ls "$work/$h"-crash-* "$work/$h"-leak-* "$work/$h"-timeout-* "$work/$h"-oom-* 2>/dev/null | wc -l)
  echo "fuzz: $h exit=$rc executions=${execs:-?} exec/s=${rate:-?} artifacts=$crashes last: $last"
  if [ $rc -ne 0 ] || [ "$crashes" -ne 0 ]; then status=1; tail -30 "$log"; fi
done
exit $status
