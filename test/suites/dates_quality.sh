#!/usr/bin/env bash
# Suite (run by test/run.sh test): quality floor of ar_dates on the Wojood DATE sample, against a
# live server with pg_arabic installed (PGHOST/PGPORT/PGUSER exported).  Exact-span F1 on
# train.txt and val.txt (test/eval/dates_eval.py) must stay >= the last measured figures minus
# 0.01 (train 0.953, val 0.982).  Needs ../shared (or $PGARABIC_SHARED): fails with a MISSING
# message when the files are not there.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
shared=${PGARABIC_SHARED:-$root/../shared}
declare -A floor=([train.txt]=0.943 [val.txt]=0.972)
missing=0
for f in train.txt val.txt; do
  [ -f "$shared/data/wojood/$f" ] || { echo "MISSING: $shared/data/wojood/$f is needed by the dates_quality suite" >&2; missing=1; }
done
[ "$missing" = 0 ] || exit 1
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS pg_arabic" >/dev/null
out=$(python3 "$root/test/eval/dates_eval.py" "$shared/data/wojood/train.txt" "$shared/data/wojood/val.txt")
printf '%s\n' "$out"
bad=0
for f in train.txt val.txt; do
  f1=$(printf '%s\n' "$out" | sed -n "s/^$f:.* F1=\([0-9.]*\).*/\1/p")
  if [ -z "$f1" ]; then echo "FAILED: no F1 line for $f" >&2; bad=1; continue; fi
  if awk -v a="$f1" -v b="${floor[$f]}" 'BEGIN { exit !(a >= b) }'; then
    echo "ok   $f DATE span F1 = $f1 (floor ${floor[$f]})"
  else
    echo "FAIL $f DATE span F1 = $f1 below floor ${floor[$f]}"; bad=1
  fi
done
exit $bad
