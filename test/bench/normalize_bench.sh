#!/usr/bin/env bash
# Benchmark of ar_normalize over the SaudiNewsNet articles, side by side in one run with
#   - length(content): the cost of just reading (detoasting) the rows, and
#   - the equivalent SQL chain (normalize NFKC + translate + regexp_replace).
# Prints the two ratios of issue 2 (goals: ar_normalize <= 3x length, chain >= 10x ar_normalize).
# Needs ../shared/data/saudinewsnet/articles.tsv.gz (benchmark-only data, never shipped) and a
# live server with pg_arabic installed (PGHOST/PGPORT/PGUSER/PGDATABASE as for psql).
#   bash test/bench/normalize_bench.sh [ROWS] [REPS]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
data=${PGARABIC_SHARED:-$here/../shared}/data/saudinewsnet/articles.tsv.gz
rows=${1:-31030}
reps=${2:-3}
if [ ! -f "$data" ]; then
  echo "MISSING: $data (SaudiNewsNet sample from ../shared) is needed by this benchmark" >&2
  exit 1
fi
. "$here/test/bench/lib.sh"
bench_load_news "$data" "$rows"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 <<SQL
\pset footer off
CREATE EXTENSION IF NOT EXISTS pg_arabic;
SET max_parallel_workers_per_gather = 0;   -- per-row cost on one core, like for like
$(bench_timer_sql)
WITH t AS (
  SELECT pg_temp.bench('SELECT sum(length(content)) FROM bench_news', $reps) AS length_ms,
         pg_temp.bench('SELECT sum(length(ar_normalize(content))) FROM bench_news', $reps) AS ours_ms,
         pg_temp.bench(\$q\$SELECT sum(length(
             regexp_replace(regexp_replace(regexp_replace(regexp_replace(
               translate(normalize(content, NFKC),
                 'أإآٱىةؤئکیۀ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬',
                 'اااايهءءكيه01234567890123456789.,'),
               '[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED\u0640\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]', '', 'g'),
               '&quot;|(^|[^a-z&])quot;', '\1"', 'g'),
               'ي+ء(\s|$)', 'ء\1', 'g'),
               '\s+', ' ', 'g'))) FROM bench_news\$q\$, $reps) AS chain_ms,
         (SELECT count(*) FROM bench_news) AS rows,
         (SELECT pg_size_pretty(sum(octet_length(content))) FROM bench_news) AS text_size
)
SELECT rows, text_size,
       round(length_ms::numeric, 1) AS length_ms,
       round(ours_ms::numeric, 1) AS ar_normalize_ms,
       round(chain_ms::numeric, 1) AS sql_chain_ms,
       round((ours_ms / length_ms)::numeric, 2) AS "ar_normalize / length (goal <= 3)",
       round((chain_ms / ours_ms)::numeric, 1) AS "sql chain / ar_normalize (goal >= 10)"
FROM t;
SQL
