#!/usr/bin/env bash
# Precision and recall of ar_entities on the five seed articles (../shared/data/seeds/*.txt, read
# at run time, never copied), by type: the distinct people, places and organisations (label,
# canonical form; MISC left out) it returns per article, judged by test/eval/ner_seeds_gold.tsv
# (ok, wrong; missed entities for recall).  A returned entity with no judgment counts as wrong and
# is listed as UNJUDGED: judge it by reading the article and add a row.  Prints one line per type
# and "seed P/R ALL: ..." (read by test/suites/ner_quality.sh).  Needs a live server with
# pg_arabic (PGHOST/PGPORT/PGUSER/PGDATABASE as for psql).
#   bash test/eval/ner_seeds_pr.sh [psql args...]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
seeds=${PGARABIC_SHARED:-$here/../shared}/data/seeds
gold=$here/test/eval/ner_seeds_gold.tsv
ls "$seeds"/*.txt >/dev/null 2>&1 || { echo "MISSING: $seeds/*.txt (seed articles) is needed by this evaluation" >&2; exit 1; }
{
  echo "SET client_min_messages = warning;"
  echo "CREATE EXTENSION IF NOT EXISTS pg_arabic;"
  echo "CREATE TEMP TABLE returned(article text, label text, canonical text);"
  for f in "$seeds"/*.txt; do
    printf '\\set doc `cat %q`\n' "$f"
    printf "INSERT INTO returned SELECT DISTINCT '%s', label, canonical FROM ar_entities(:'doc') WHERE label <> 'MISC';\n" "$(basename "$f")"
  done
  echo "CREATE TEMP TABLE gold(article text, label text, canonical text, judgment text);"
  printf "\\\\copy gold FROM PROGRAM 'grep -v \"^#\" %q' WITH (FORMAT text, DELIMITER E'\\\\t')\n" "$gold"
  cat <<'SQL'
\pset footer off
\pset tuples_only on
-- returned entities nobody judged: read the article and add a row
SELECT format('UNJUDGED %s %s %s', r.article, r.label, r.canonical)
FROM returned r LEFT JOIN gold g USING (article, label, canonical)
WHERE g.judgment IS NULL ORDER BY 1;
-- gold entities (ok or missed when judged) that ar_entities no longer returns
SELECT format('missed %s %s %s', g.article, g.label, g.canonical)
FROM gold g LEFT JOIN returned r USING (article, label, canonical)
WHERE g.judgment IN ('ok', 'missed') AND r.article IS NULL ORDER BY 1;
WITH t(label) AS (VALUES ('PER'), ('LOC'), ('ORG'), ('ALL')),
s AS (
  SELECT t.label,
         (SELECT count(*) FROM returned r WHERE t.label IN (r.label, 'ALL')) AS returned,
         (SELECT count(*) FROM returned r JOIN gold g USING (article, label, canonical)
           WHERE g.judgment IN ('ok', 'missed') AND t.label IN (r.label, 'ALL')) AS correct,
         (SELECT count(*) FROM gold g WHERE g.judgment IN ('ok', 'missed') AND t.label IN (g.label, 'ALL')) AS gold
  FROM t)
SELECT format('seed P/R %s: returned=%s correct=%s gold=%s P=%s R=%s', label, returned, correct, gold,
              round(correct::numeric / nullif(returned, 0), 3), round(correct::numeric / nullif(gold, 0), 3))
FROM s ORDER BY label = 'ALL', label;
SQL
} | psql -X -q -v ON_ERROR_STOP=1 "$@"
