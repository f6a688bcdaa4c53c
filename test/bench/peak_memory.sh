#!/usr/bin/env bash
# Peak backend memory of one call over one large row: the growth of VmHWM (peak resident
# set of the backend, /proc/<pid>/status) while FUNCTION(body) runs over a row of about
# SIZE_MB megabytes of one shape.  The peak is reset to the current resident set just
# before the call (echo 5 > /proc/<pid>/clear_refs, when permitted: root or the server's
# user), so that building the row does not hide the call's own peak:
#   news   the project's own corpus (test/corpus) repeated;
#   chars  'بa' repeated: one token per character (the worst case of per-token structures).
#
#   bash test/bench/peak_memory.sh [SIZE_MB] [FUNCTION...]
#   SHAPE=chars bash test/bench/peak_memory.sh 15 ar_entities ar_tokenize
#
# FUNCTION is a set-returning function of one text (ar_dates ar_quotes ar_entities
# ar_tokenize: rows counted), ar_entity_keys (keys counted) or to_tsvector:CONFIG
# (to_tsvector(CONFIG, body), lexemes counted).  Default: 45 MB, news, ar_dates ar_quotes
# ar_entities.  Needs a live server with pg_arabic (PGHOST/PGPORT/PGUSER/PGDATABASE as for
# psql) on this machine (the backend's /proc entry is read), and a superuser (pg_read_file).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mb=${1:-45}; shift || true
shape=${SHAPE:-news}
funcs=("$@"); [ ${#funcs[@]} -gt 0 ] || funcs=(ar_dates ar_quotes ar_entities)
corpus=$(mktemp /tmp/pga_corpus.XXXXXX); trap 'rm -f "$corpus"' EXIT
case "$shape" in
  news) cat "$root"/test/corpus/*.txt > "$corpus" ;;
  chars) printf 'بa' > "$corpus" ;;
  *) echo "peak_memory: unknown SHAPE $shape (news or chars)" >&2; exit 2 ;;
esac
chmod 644 "$corpus"
reps=$(( mb * 1024 * 1024 / $(stat -c %s "$corpus") + 1 ))
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS pg_arabic" >/dev/null
for f in "${funcs[@]}"; do
  case "$f" in
    ar_entity_keys) call="SELECT 'rows', cardinality(ar_entity_keys(body)) FROM big" ;;
    to_tsvector:*) call="SELECT 'rows', length(to_tsvector('${f#to_tsvector:}', body)) FROM big" ;;
    *) call="SELECT 'rows', count(*) FROM big, $f(big.body)" ;;
  esac
  # one session: build the row, read the peak, call, read the peak again
  out=$(psql -X -At -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE big AS SELECT repeat(pg_read_file('$corpus'), $reps) AS body;
SELECT 'bytes', octet_length(body) FROM big;
SELECT pg_backend_pid() AS pid \gset p_
\setenv PGA_PID :p_pid
\! (echo 5 > /proc/\$PGA_PID/clear_refs) 2>/dev/null; echo "hwm0|\$(awk '/VmHWM/ {print \$2}' /proc/\$PGA_PID/status)"
$call;
\! echo "hwm1|\$(awk '/VmHWM/ {print \$2}' /proc/\$PGA_PID/status)"
SQL
)
  bytes=$(echo "$out" | awk -F'|' '$1=="bytes"{print $2}')
  h0=$(echo "$out" | awk -F'|' '$1=="hwm0"{print $2}')
  h1=$(echo "$out" | awk -F'|' '$1=="hwm1"{print $2}')
  rows=$(echo "$out" | awk -F'|' '$1=="rows"{print $2}')
  awk -v f="$f" -v s="$shape" -v b="$bytes" -v h0="$h0" -v h1="$h1" -v r="$rows" 'BEGIN {
    printf "peak_memory: %-20s %-5s input %.1f MB, %s rows, peak RSS +%.1f MB (%.1fx the input)\n", f, s, b/1048576, r, (h1-h0)/1024, (h1-h0)*1024/b }'
done
