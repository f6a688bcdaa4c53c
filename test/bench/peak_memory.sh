#!/usr/bin/env bash
# Peak backend memory of one call over one large row: the growth of VmHWM (peak resident
# set of the backend, /proc/<pid>/status) while FUNCTION(body) runs over a row made of the
# project's own corpus (test/corpus) repeated to about SIZE_MB megabytes.
#
#   bash test/bench/peak_memory.sh [SIZE_MB] [FUNCTION...]    default 45 MB; ar_dates ar_quotes ar_entities
#
# Needs a live server with pg_arabic (PGHOST/PGPORT/PGUSER/PGDATABASE as for psql) on this
# machine (the backend's /proc entry is read), and a superuser (pg_read_file of the corpus).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mb=${1:-45}; shift || true
funcs=("$@"); [ ${#funcs[@]} -gt 0 ] || funcs=(ar_dates ar_quotes ar_entities)
corpus=$(mktemp /tmp/pga_corpus.XXXXXX); trap 'rm -f "$corpus"' EXIT
cat "$root"/test/corpus/*.txt > "$corpus"; chmod 644 "$corpus"
reps=$(( mb * 1024 * 1024 / $(stat -c %s "$corpus") + 1 ))
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS pg_arabic" >/dev/null
for f in "${funcs[@]}"; do
  # one session: build the row, read the peak, call, read the peak again
  out=$(psql -X -At -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE big AS SELECT repeat(pg_read_file('$corpus'), $reps) AS body;
SELECT 'bytes', octet_length(body) FROM big;
SELECT pg_backend_pid() AS pid \gset p_
\setenv PGA_PID :p_pid
\! echo "hwm0|\$(awk '/VmHWM/ {print \$2}' /proc/\$PGA_PID/status)"
SELECT 'rows', count(*) FROM big, $f(big.body);
\! echo "hwm1|\$(awk '/VmHWM/ {print \$2}' /proc/\$PGA_PID/status)"
SQL
)
  bytes=$(echo "$out" | awk -F'|' '$1=="bytes"{print $2}')
  h0=$(echo "$out" | awk -F'|' '$1=="hwm0"{print $2}')
  h1=$(echo "$out" | awk -F'|' '$1=="hwm1"{print $2}')
  rows=$(echo "$out" | awk -F'|' '$1=="rows"{print $2}')
  awk -v f="$f" -v b="$bytes" -v h0="$h0" -v h1="$h1" -v r="$rows" 'BEGIN {
    printf "peak_memory: %-12s input %.1f MB, %s rows, peak RSS +%.1f MB (%.1fx the input)\n", f, b/1048576, r, (h1-h0)/1024, (h1-h0)*1024/b }'
done
