#!/usr/bin/env bash
# Peak backend memory of one call over one large row: the growth of VmHWM (peak resident set of
# the backend, /proc/<pid>/status) while FUNCTION(body) runs over a row of about SIZE_MB megabytes.
#
#   bash test/bench/peak_memory.sh [SIZE_MB] [FUNCTION...]    default 45 MB; ar_dates ar_quotes ar_entities
#   PEAK_TEXT=news     (default) the project's own corpus (test/corpus) repeated
#   PEAK_TEXT=perchar  repeat('بa', …): one token per character, the worst shape for token arrays
#
# The row is stored by a first session; each function then runs in a fresh backend, warmed by a
# call on a short text (library, ICU data, model loaded), so the growth is that of the one
# statement: reading the row plus the call.  The first line, length(body), is that anchor: the
# cost of reading (detoasting) the row alone.
# Needs a live server with pg_arabic (PGHOST/PGPORT/PGUSER/PGDATABASE as for psql) on this
# machine (the backend's /proc entry is read), and a superuser (pg_read_file of the corpus).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mb=${1:-45}; shift || true
funcs=("$@"); [ ${#funcs[@]} -gt 0 ] || funcs=(ar_dates ar_quotes ar_entities)
shape=${PEAK_TEXT:-news}
corpus=$(mktemp /tmp/pga_corpus.XXXXXX)
cleanup() { rm -f "$corpus"; psql -X -q -c "DROP TABLE IF EXISTS pga_peak_body" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cat "$root"/test/corpus/*.txt > "$corpus"; chmod 644 "$corpus"
case $shape in
  news) reps=$(( mb * 1024 * 1024 / $(stat -c %s "$corpus") + 1 ))
        body="repeat(pg_read_file('$corpus'), $reps)" ;;
  perchar) body="repeat('بa', $(( mb * 1024 * 1024 / 3 )))" ;;
  *) echo "peak_memory: PEAK_TEXT is news or perchar" >&2; exit 2 ;;
esac
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS pg_arabic" \
  -c "DROP TABLE IF EXISTS pga_peak_body" -c "CREATE UNLOGGED TABLE pga_peak_body AS SELECT $body AS body" >/dev/null
for f in length "${funcs[@]}"; do
  # a fresh session: warm up, read the peak, call over the row, read the peak again
  if [ "$f" = length ]; then call="SELECT 'rows', length(body) FROM pga_peak_body"; warm="SELECT length('x')"
  else call="SELECT 'rows', count(*) FROM pga_peak_body, $f(pga_peak_body.body)"; warm="SELECT count(*) FROM $f('في 3 آذار 2020 قال الوزير محمد علي: \"نعم\".')"; fi
  out=$(psql -X -At -v ON_ERROR_STOP=1 <<SQL
$warm;
SELECT 'bytes', octet_length(body) FROM pga_peak_body;
SELECT pg_backend_pid() AS pid \gset p_
\setenv PGA_PID :p_pid
\! echo "hwm0|\$(awk '/VmHWM/ {print \$2}' /proc/\$PGA_PID/status)"
$call;
\! echo "hwm1|\$(awk '/VmHWM/ {print \$2}' /proc/\$PGA_PID/status)"
SQL
)
  bytes=$(echo "$out" | awk -F'|' '$1=="bytes"{print $2}')
  h0=$(echo "$out" | awk -F'|' '$1=="hwm0"{print $2}')
  h1=$(echo "$out" | awk -F'|' '$1=="hwm1"{print $2}')
  rows=$(echo "$out" | awk -F'|' '$1=="rows"{print $2}')
  awk -v f="$f" -v s="$shape" -v b="$bytes" -v h0="$h0" -v h1="$h1" -v r="$rows" 'BEGIN {
    printf "peak_memory: %-12s %s input %.1f MB, %s rows, peak RSS +%.1f MB (%.1fx the input)\n", f, s, b/1048576, r, (h1-h0)/1024, (h1-h0)*1024/b }'
done
