#!/usr/bin/env bash
# Evaluation of ar_entities (issue 4).
#  1. ANERcorp dev split carved from ../shared/data/anercorp/train.txt: the last 10% of the
#     sentences, scored by ../shared/tools/ner_eval.py (exact span + label, CoNLL micro F1).
#     The shipped model is trained on every sentence, so this runs the evaluation model that
#     `make model` trains by the same recipe without them (pg_arabic_ner_dev.model, with the
#     names learned without them, src/train/ner_dev_learned.tsv), in a scratch database
#     pg_arabic_ner_dev where pg_arabic.ner_model selects it: held-out figures of the recipe.
#  2. The five seed articles (../shared/data/seeds/*.txt): the people, places and organisations
#     a reader would name, found or missed, and how many entities ar_entities returned, with the
#     shipped model and gazetteer.
# Needs a live server with pg_arabic, as a superuser (PGHOST/PGPORT/PGUSER/PGDATABASE as for
# psql); creates and drops a scratch database pg_arabic_ner_dev_PID.  NER_DEV_PERCENT must be the
# value make model trained the evaluation model with (default 10).
#   bash test/eval/ner_eval.sh [psql args...]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PGARABIC_SHARED:-$here/../shared}
train=$shared/data/anercorp/train.txt
scorer=$shared/tools/ner_eval.py
seeds=$shared/data/seeds
dev_percent=${NER_DEV_PERCENT:-10}
learned=$here/src/train/ner_dev_learned.tsv
devdb=pg_arabic_ner_dev_$$
for f in "$train" "$scorer"; do
  [ -f "$f" ] || { echo "MISSING: $f is needed by this evaluation" >&2; exit 1; }
done
ls "$seeds"/*.txt >/dev/null 2>&1 || { echo "MISSING: $seeds/*.txt (seed articles) is needed by this evaluation" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
psql -X -q -v ON_ERROR_STOP=1 "$@" -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS pg_arabic" >/dev/null

# the held-out sentences: same rule as src/train/ner_train.c (ntrain = n - n*pct/100)
awk -v pct="$dev_percent" '
  { lines[NR] = $0 }
  NF == 0 && prev_nonblank { nsent++ ; ends[nsent] = NR }
  { prev_nonblank = (NF > 0) }
  END {
    if (prev_nonblank) { nsent++; ends[nsent] = NR }
    ntrain = nsent - int(nsent * pct / 100)
    start = ends[ntrain] + 1
    for (i = start; i <= NR; i++) print lines[i]
  }' "$train" > "$tmp/dev.txt"
# the scratch database: the evaluation model, and the learned names replaced by those learned
# without the dev split; reached with \connect, which keeps the host, port and user of "$@"
psql -X -q -v ON_ERROR_STOP=1 "$@" -c "SET client_min_messages = warning" \
  -c "DROP DATABASE IF EXISTS $devdb" -c "CREATE DATABASE $devdb" >/dev/null
trap 'psql -X -q "$@" -c "DROP DATABASE IF EXISTS $devdb" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
psql -X -q -v ON_ERROR_STOP=1 "$@" >/dev/null <<SQL
\connect $devdb
SET client_min_messages = warning;
CREATE EXTENSION pg_arabic;
ALTER DATABASE $devdb SET pg_arabic.ner_model = 'pg_arabic_ner_dev';
CREATE TEMP TABLE learned(surface text, label text, canonical text, origin text);
\copy learned FROM '$learned' WITH (FORMAT text, DELIMITER E'\t')
DELETE FROM ar_gazetteer WHERE origin = 'anercorp';
INSERT INTO ar_gazetteer (surface, label, canonical, origin)
  SELECT surface, label, NULLIF(canonical, ''), origin FROM learned;
SQL
echo "== ANERcorp dev split: last ${dev_percent}% of $(basename "$train") ($(grep -c . "$tmp/dev.txt") tokens), held out from training (model pg_arabic_ner_dev)"
python3 "$scorer" "$tmp/dev.txt" "$@" -c "\\connect $devdb"

echo
echo "== seed articles: expected entities found by ar_entities"
{
  echo "CREATE TEMP TABLE seed(name text, body text);"
  for f in "$seeds"/*.txt; do
    printf 'INSERT INTO seed VALUES (%s, $seed$%s$seed$);\n' "'$(basename "$f")'" "$(cat "$f")"
  done
  cat <<'SQL'
CREATE TEMP TABLE expected(label text, name text, key text);
INSERT INTO expected VALUES
 ('PER','Putin','بوتين'), ('PER','Tillerson','تيلرسون'), ('PER','Lavrov','لافروف'),
 ('PER','Trump','ترامب'), ('PER','Assad','الأسد'), ('PER','Haley','هيلي'),
 ('PER','de Mistura','ميستورا'), ('PER','Muallem','المعلم'), ('PER','Zarif','ظريف'),
 ('PER','Mogherini','موغيريني'), ('PER','Mattis','ماتيس'), ('PER','Delattre','ديلاتر'),
 ('PER','Kerry','كيري'), ('PER','Obama','أوباما'), ('PER','Blinken','بلينكن'),
 ('PER','Biden','بايدن'), ('PER','Navalny','نافالني'), ('PER','Ryabkov','ريابكوف'),
 ('LOC','Moscow','موسكو'), ('LOC','Khan Shaykhun','خان شيخون'), ('LOC','Idlib','إدلب'),
 ('LOC','Reykjavik','ريكيافيك'),
 ('ORG','Security Council','مجلس الأمن'), ('ORG','UN','الأمم المتحدة'), ('ORG','G7','مجموعة السبع'),
 ('ORG','NATO','الأطلسي'), ('ORG','Xinhua','شينخوا'), ('ORG','Nord Stream AG','نورد ستريم');
-- a returned mention matches an expected entity: same label, key inside its form or canonical form
CREATE FUNCTION pg_temp.hit(x expected, label text, entity text, canonical text) RETURNS boolean
LANGUAGE sql AS $f$
  SELECT label = x.label
     AND (position(ar_normalize(x.key) IN ar_normalize(canonical)) > 0
          OR position(ar_normalize(x.key) IN ar_normalize(entity)) > 0)
$f$;
CREATE TEMP TABLE found AS
  SELECT 'with the shipped gazetteer'::text AS variant, s.name AS article, e.*
  FROM seed s, ar_entities(s.body) e;
\pset footer off
SELECT x.label, x.name,
       CASE WHEN f.n > 0 THEN 'found' ELSE 'MISSED' END AS status, f.n AS mentions, f.canonical
FROM expected x
CROSS JOIN LATERAL (
  SELECT count(*) AS n, min(canonical) AS canonical FROM found
  WHERE pg_temp.hit(x, found.label, found.entity, found.canonical)) f
ORDER BY x.label, x.name;
SELECT label, count(*) AS mentions, count(DISTINCT canonical) AS distinct_canonical
FROM found GROUP BY label ORDER BY label;
-- the same without the curated gazetteer rows (which list many of these names): the model,
-- ICU places and learned names alone.  Rolled back.
BEGIN;
DELETE FROM ar_gazetteer WHERE origin = 'curated';
INSERT INTO found
  SELECT 'without curated gazetteer rows', s.name, e.* FROM seed s, ar_entities(s.body) e;
\pset tuples_only on
SELECT format('seed articles %s: %s/%s expected entities found, %s missed%s; %s mentions returned in %s articles',
       v.variant, sum((f.n > 0)::int), count(*), sum((f.n = 0)::int),
       coalesce(' (' || string_agg(x.name, ', ' ORDER BY x.name) FILTER (WHERE f.n = 0) || ')', ''),
       (SELECT count(*) FROM found WHERE found.variant = v.variant), (SELECT count(*) FROM seed))
FROM (SELECT DISTINCT variant FROM found) v
CROSS JOIN expected x
CROSS JOIN LATERAL (
  SELECT count(*) AS n FROM found
  WHERE found.variant = v.variant AND pg_temp.hit(x, found.label, found.entity, found.canonical)) f
GROUP BY v.variant ORDER BY v.variant DESC;
ROLLBACK;
SQL
} > "$tmp/seeds.sql"
psql -X -q -v ON_ERROR_STOP=1 "$@" -f "$tmp/seeds.sql"
