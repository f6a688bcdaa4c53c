#!/usr/bin/env bash
# Parallel scan with our functions: the plan with workers and the speed-up over a
# serial scan, in one run.  Table: paragraphs of test/corpus repeated to ROWS rows
# (default 200,000).  Needs a live server with pg_arabic (PGHOST/PGPORT/PGUSER).
#   bash test/bench/parallel_bench.sh [ROWS] [WORKERS]
set -euo pipefail
rows=${1:-200000}
workers=${2:-2}
root=$(cd "$(dirname "$0")/../.." && pwd)
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS pg_arabic"
have=$(psql -X -At -c "SELECT count(*) FROM par_bench WHERE body LIKE '%(%)'" 2>/dev/null || echo none)
if [ "$have" != "$rows" ]; then
  {
    echo "DROP TABLE IF EXISTS par_paras, par_bench;"
    echo "CREATE TABLE par_paras(id serial PRIMARY KEY, body text NOT NULL);"
    echo "COPY par_paras(body) FROM STDIN;"
    for f in "$root"/test/corpus/[0-9]*.txt; do sed -n '3,$p' "$f" | grep -v '^[[:space:]]*$' | sed 's/\\/\\\\/g; s/\t/ /g'; done
    echo '\.'
    echo "CREATE TABLE par_bench AS SELECT g AS id, p.body || ' (' || g || ')' AS body FROM generate_series(1, $rows) g
          JOIN par_paras p ON p.id = 1 + g % (SELECT count(*) FROM par_paras);"
    echo "VACUUM ANALYZE par_bench;"
  } | PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1
fi
echo "parallel_bench: $(psql -X -At -c "SELECT count(*) || ' rows, ' || pg_size_pretty(sum(octet_length(body))) FROM par_bench")"
q="SELECT count(*), sum(length(ar_normalize(body))) FROM par_bench WHERE ar_normalize(body) LIKE '%الاقتصاد%'"
qt="SELECT count(*) FROM par_bench b, ar_tokenize(b.body) t WHERE t.kind = 'arabic'"
plan() {  # settings, query -> EXPLAIN ANALYZE text
  psql -X -At -c "$1" -c "EXPLAIN (ANALYZE, COSTS OFF) $2" | grep -v '^SET$'
}
best() {  # settings, query -> best of 3 execution times in ms
  local b=999999999 t
  for _ in 1 2 3; do
    t=$(plan "$1" "$2" | grep -oP 'Execution Time: \K[0-9.]+')
    b=$(echo "if ($t < $b) $t else $b" | bc)
  done
  echo "$b"
}
serial="SET max_parallel_workers_per_gather = 0"
par="SET max_parallel_workers_per_gather = $workers; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0"
queries=("$q" "$qt")
if [ "$(psql -X -At -c "SELECT count(*) FROM pg_ts_config WHERE cfgname = 'ar'")" = 1 ]; then
  queries+=("SELECT count(*) FROM par_bench WHERE to_tsvector('ar', body) @@ plainto_tsquery('ar', 'الاقتصاد')")
fi
if [ "$(psql -X -At -c "SELECT to_regproc('ar_entities') IS NOT NULL")" = t ]; then
  queries+=("SELECT count(*) FROM par_bench b, ar_entities(b.body) e WHERE b.id % 10 = 0")
fi
for query in "${queries[@]}"; do
  echo "parallel_bench: query: $query"
  plan "$par" "$query" | sed 's/^/    /'
  s=$(best "$serial" "$query"); p=$(best "$par" "$query")
  echo "parallel_bench: serial ${s} ms, ${workers} workers ${p} ms, speed-up $(echo "scale=2; $s / $p" | bc)x (best of 3; $(nproc) cores)"
done
