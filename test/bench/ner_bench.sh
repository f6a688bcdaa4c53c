#!/usr/bin/env bash
# Benchmark of ar_entities over SaudiNewsNet articles, side by side in one run with
# to_tsvector('arabic', content) over the same rows (goal: ar_entities <= 2x to_tsvector),
# and the backend's memory before, between and after the runs (goal: flat across rows); then the
# same ratio in backend CPU time, which a loaded machine disturbs much less than wall time.
# Needs ../shared/data/saudinewsnet/articles.tsv.gz (benchmark-only data, never shipped) and a
# live server with pg_arabic installed on this machine (PGHOST/PGPORT/PGUSER/PGDATABASE as for psql).
#   bash test/bench/ner_bench.sh [ROWS] [REPS]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
data=${PGARABIC_SHARED:-$here/../shared}/data/saudinewsnet/articles.tsv.gz
rows=${1:-3000}
reps=${2:-3}
if [ ! -f "$data" ]; then
  echo "MISSING: $data (SaudiNewsNet sample from ../shared) is needed by this benchmark" >&2
  exit 1
fi
. "$here/test/bench/lib.sh"
# (zcat | head under pipefail reports SIGPIPE when ROWS is below the file size: check the count instead)
bench_load_news "$data" "$rows" || true
have=$(psql -X -At -c "SELECT count(*) FROM bench_news")
[ "$have" = "$rows" ] || { echo "FAILED: bench_news has $have rows, expected $rows" >&2; exit 1; }
psql -X -q -v ON_ERROR_STOP=1 <<SQL
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
SET max_parallel_workers_per_gather = 0;   -- per-row cost on one core, like for like
\pset footer off
-- this backend's memory from /proc (superuser, same machine): RSS, private dirty pages, anonymous
CREATE FUNCTION pg_temp.mem(stage text) RETURNS text LANGUAGE sql AS \$m\$
  SELECT format('backend memory %-34s rss=%s kB  private_dirty=%s kB  anonymous=%s kB', stage || ':',
    substring(f from 'Rss: +([0-9]+)'), substring(f from 'Private_Dirty: +([0-9]+)'),
    substring(f from 'Anonymous: +([0-9]+)'))
  FROM pg_read_file('/proc/' || pg_backend_pid() || '/smaps_rollup') AS f
\$m\$;
\pset tuples_only on
SELECT pg_temp.mem('fresh session');
SELECT format('first ar_entities pass: %s entities from %s rows', count(*), count(DISTINCT id))
FROM bench_news, ar_entities(content);
SELECT pg_temp.mem('after 1 pass over all rows');
\pset tuples_only off
$(bench_timer_sql)
WITH t AS (
  SELECT pg_temp.bench('SELECT count(to_tsvector(''arabic'', content)) FROM bench_news', $reps) AS tsv_ms,
         pg_temp.bench('SELECT count(*) FROM bench_news, ar_entities(content)', $reps) AS ner_ms,
         (SELECT count(*) FROM bench_news) AS rows,
         (SELECT pg_size_pretty(sum(octet_length(content))) FROM bench_news) AS text_size
)
SELECT rows, text_size,
       round(tsv_ms::numeric, 1) AS to_tsvector_ms,
       round(ner_ms::numeric, 1) AS ar_entities_ms,
       round((ner_ms / tsv_ms)::numeric, 2) AS "ar_entities / to_tsvector (goal <= 2)"
FROM t;
-- the same in the backend's CPU time (utime + stime of /proc, 10 ms ticks): on a machine shared
-- with other loads, wall-clock ratios swing with the scheduler, CPU-time ratios much less
CREATE FUNCTION pg_temp.cpu_ms() RETURNS float8 LANGUAGE sql AS \$c\$
  SELECT (split_part(s, ' ', 12)::float8 + split_part(s, ' ', 13)::float8) * 10
  FROM substring(pg_read_file('/proc/' || pg_backend_pid() || '/stat') from '\\) (.*)\$') AS s
\$c\$;
CREATE FUNCTION pg_temp.cpu_bench(q text, reps int) RETURNS float8 LANGUAGE plpgsql AS \$f\$
DECLARE c0 float8; best float8 := 'Infinity'; dummy text;
BEGIN
  EXECUTE q INTO dummy;
  FOR i IN 1..reps LOOP
    c0 := pg_temp.cpu_ms();
    EXECUTE q INTO dummy;
    best := least(best, pg_temp.cpu_ms() - c0);
  END LOOP;
  RETURN best;
END \$f\$;
WITH t AS (
  SELECT pg_temp.cpu_bench('SELECT count(to_tsvector(''arabic'', content)) FROM bench_news', $reps) AS tsv_ms,
         pg_temp.cpu_bench('SELECT count(*) FROM bench_news, ar_entities(content)', $reps) AS ner_ms
)
SELECT round(tsv_ms::numeric) AS to_tsvector_cpu_ms, round(ner_ms::numeric) AS ar_entities_cpu_ms,
       round((ner_ms / tsv_ms)::numeric, 2) AS "CPU-time ratio"
FROM t;
\pset tuples_only on
SELECT pg_temp.mem('after $((2 * reps + 4)) passes over all rows');
SQL
