#!/usr/bin/env bash
# Load test: pgbench mixing full-text search with the `ar` configuration, ar_entities
# and ar_gazetteer inserts, 16 clients, bounded time; zero errors required.
# Side by side in the same run (the anchor): the search-only workload with the
# built-in `simple` configuration versus `ar`, and the ratio; and ar_entities alone
# (no concurrent gazetteer changes) versus ar_entities with gazetteer inserts at the
# mix's ratio (3 : 1) and, as their anchor, with inserts into a plain table at the same
# ratio; and $CLIENTS - 1 ar_entities readers alone, beside one writer inserting at a
# fixed rate into a plain table, and beside one inserting into ar_gazetteer (what
# gazetteer writes cost the readers: each session applies the logged changes to its cache).
#
#   bash test/bench/pgbench_mix.sh [SECONDS] [CLIENTS]        default 30 s, 16 clients
#
# Needs a live server with pg_arabic installed (PGHOST/PGPORT/PGUSER as for psql) and
# pgbench on PATH.  Creates (and finally drops) database pga_bench, filled with the
# paragraphs of test/corpus repeated to 20,000 rows, with GIN indexes on
# to_tsvector('ar', body) and to_tsvector('simple', body).  Gazetteer inserts are user
# rows (origin 'user') with made-up names; the database is dropped at the end
# (PGA_BENCH_KEEP=1 keeps it).  Exits 1 on any failed transaction or aborted client.
set -euo pipefail
secs=${1:-30}
clients=${2:-16}
root=$(cd "$(dirname "$0")/../.." && pwd)
db=pga_bench
export PGDATABASE=$db
work=$(mktemp -d /tmp/pga_pgbench.XXXXXX)
trap 'rm -rf "$work"; [ -n "${PGA_BENCH_KEEP:-}" ] || psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT

psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION pg_arabic"
missing=$(psql -X -At -c "SELECT concat_ws(' ', CASE WHEN NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'ar') THEN 'configuration ar' END,
                                              CASE WHEN to_regproc('public.ar_entities') IS NULL THEN 'ar_entities' END,
                                              CASE WHEN to_regclass('public.ar_gazetteer') IS NULL THEN 'ar_gazetteer' END)")
if [ -n "$missing" ]; then echo "MISSING in pg_arabic: $missing (this benchmark needs the FTS and NER parts)" >&2; exit 1; fi

# paragraphs of the sample corpus (lines 3.. of each file) as rows, repeated to 20,000
{
  echo "CREATE TABLE paras(id serial PRIMARY KEY, body text NOT NULL);"
  echo "COPY paras(body) FROM STDIN;"
  for f in "$root"/test/corpus/[0-9]*.txt; do sed -n '3,$p' "$f" | grep -v '^[[:space:]]*$' | sed 's/\\/\\\\/g; s/\t/ /g'; done
  echo '\.'
} | psql -X -q -v ON_ERROR_STOP=1
psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE TABLE articles AS
SELECT row_number() OVER () AS id, p.body || ' ' || q.body AS body
FROM generate_series(1, 20000) g
JOIN paras p ON p.id = 1 + g % (SELECT count(*) FROM paras)
JOIN paras q ON q.id = 1 + (g * 7) % (SELECT count(*) FROM paras);
ALTER TABLE articles ADD PRIMARY KEY (id);
CREATE INDEX articles_ar_idx ON articles USING gin (to_tsvector('ar', body));
CREATE INDEX articles_simple_idx ON articles USING gin (to_tsvector('simple', body));
CREATE TABLE plain_writes (surface text NOT NULL, label text NOT NULL, canonical text);  -- anchor of the write loads
CREATE INDEX ON plain_writes (surface);
VACUUM ANALYZE articles;
SQL
echo "pgbench_mix: $(psql -X -At -c "SELECT count(*) || ' rows, ' || pg_size_pretty(sum(octet_length(body))) FROM articles") of corpus paragraphs"

# query words: content words of the corpus
words="ARRAY['الوزير','موسكو','الاقتصاد','النفط','المنتخب','الصحة','التقنية','الخارجية','الرياض','المحادثات','أسعار','اللقاح']"
cat > "$work/search_ar.sql" <<SQL
\set k random(1, 12)
\set j random(1, 12)
SELECT count(*) FROM articles WHERE to_tsvector('ar', body) @@ websearch_to_tsquery('ar', ($words)[:k] || ' ' || ($words)[:j]);
SQL
sed "s/'ar'/'simple'/g" "$work/search_ar.sql" > "$work/search_simple.sql"
cat > "$work/entities.sql" <<'SQL'
\set id random(1, 20000)
SELECT count(*) FROM articles a, ar_entities(a.body) e WHERE a.id = :id;
SQL
cat > "$work/gazetteer_insert.sql" <<'SQL'
\set n random(1, 2000000000)
INSERT INTO ar_gazetteer(surface, label, canonical) VALUES ('مؤسسة رقم ' || :client_id || '-' || :n || ' للاختبار', 'ORG', NULL);
SQL
sed 's/INSERT INTO ar_gazetteer/INSERT INTO plain_writes/' "$work/gazetteer_insert.sql" > "$work/plain_insert.sql"

run() {  # label, pgbench args...
  local label=$1; shift
  local out=$work/$label.out
  if ! pgbench -n -c "$clients" -j 2 -T "$secs" -M prepared "$@" >"$out" 2>&1; then
    cat "$out"; echo "pgbench_mix: $label FAILED (pgbench exit status)"; return 1
  fi
  local tps failed aborted
  tps=$(grep -oP 'tps = \K[0-9.]+(?= \(without initial)' "$out")
  failed=$(grep -oP '^number of failed transactions: \K[0-9]+' "$out" | head -1)
  aborted=$(grep -c 'aborted in command' "$out" || true)
  echo "pgbench_mix: $label: $clients clients, ${secs}s: $tps tps, failed $failed, aborted clients $aborted"
  grep -E '^SQL script|^ - [0-9]+ transactions|weight|latency average' "$out" | sed 's/^/    /'
  [ "${failed:-0}" = 0 ] && [ "$aborted" = 0 ]
}

status=0
before=$(psql -X -At -c "SELECT count(*) FROM ar_gazetteer")
run mix -f "$work/search_ar.sql@6" -f "$work/entities.sql@3" -f "$work/gazetteer_insert.sql@1" || status=1
after=$(psql -X -At -c "SELECT count(*) FROM ar_gazetteer")
echo "pgbench_mix: ar_gazetteer rows $before -> $after during the mix"
half=$(( (secs + 1) / 2 ))
# entities without concurrent gazetteer changes: the cost of cache reloads in the mix
secs=$half run entities_only -f "$work/entities.sql" || status=1
# entities with inserts at the mix's ratio (3 : 1), into ar_gazetteer and, as the anchor,
# into a plain table of the same columns (what any write load costs in this closed loop:
# clients wait for their commits)
secs=$half run entities_writes -f "$work/entities.sql@3" -f "$work/gazetteer_insert.sql@1" || status=1
secs=$half run entities_plain_writes -f "$work/entities.sql@3" -f "$work/plain_insert.sql@1" || status=1
script_tps() {  # file, script number: that script's tps in a multi-script run
  grep -A3 "^SQL script $2:" "$1" | grep -oP 'tps = \K[0-9.]+' | head -1
}
ratio() { echo "scale=2; $1 / $2" | bc; }
t_alone=$(grep -oP 'tps = \K[0-9.]+(?= \(without initial)' "$work/entities_only.out")
t_writes=$(script_tps "$work/entities_writes.out" 1)
t_plain=$(script_tps "$work/entities_plain_writes.out" 1)
t_mix=$(script_tps "$work/mix.out" 2)
echo "pgbench_mix: ar_entities tps (closed loop, 3 : 1 with inserts): alone $t_alone, with ar_gazetteer inserts $t_writes, with plain-table inserts $t_plain;" \
  "alone / with ar_gazetteer inserts = $(ratio "$t_alone" "$t_writes"), alone / with plain inserts = $(ratio "$t_alone" "$t_plain"); in the mix $t_mix"
# readers ($clients - 1 clients) alone, then beside one writer inserting at a fixed rate
# (PGA_BENCH_WRITE_RATE per second, default 100) into a plain table, then into ar_gazetteer
rate=${PGA_BENCH_WRITE_RATE:-100}
readers=$(( clients > 1 ? clients - 1 : 1 ))
beside() {  # label, writer script or '': readers' tps (and the writer's) over $half s
  local label=$1 wscript=$2 t w=''
  if [ -n "$wscript" ]; then
    pgbench -n -c 1 -T "$half" -R "$rate" -M prepared -f "$wscript" >"$work/$label.writer.out" 2>&1 &
  fi
  pgbench -n -c "$readers" -j 2 -T "$half" -M prepared -f "$work/entities.sql" >"$work/$label.out" 2>&1 || status=1
  wait
  t=$(grep -oP 'tps = \K[0-9.]+(?= \(without initial)' "$work/$label.out")
  [ -n "$wscript" ] && w=", writer $(grep -oP 'tps = \K[0-9.]+(?= \(without initial)' "$work/$label.writer.out") tps"
  echo "pgbench_mix: $label: $readers reader clients, ${half}s: ar_entities $t tps$w" >&2
  echo "$t"
}
r_alone=$(beside readers_alone '')
r_plain=$(beside readers_plain_writer "$work/plain_insert.sql")
r_gaz=$(beside readers_gazetteer_writer "$work/gazetteer_insert.sql")
echo "pgbench_mix: ar_entities readers beside one writer at $rate/s: alone $r_alone, plain-table writer $r_plain, ar_gazetteer writer $r_gaz tps;" \
  "alone / with ar_gazetteer writer = $(ratio "$r_alone" "$r_gaz"), alone / with plain writer = $(ratio "$r_alone" "$r_plain")"
secs=$half run search_simple -f "$work/search_simple.sql" || status=1
t_simple=$(grep -oP 'tps = \K[0-9.]+(?= \(without initial)' "$work/search_simple.out")
secs=$half run search_ar -f "$work/search_ar.sql" || status=1
t_ar=$(grep -oP 'tps = \K[0-9.]+(?= \(without initial)' "$work/search_ar.out")
echo "pgbench_mix: search-only throughput ar / simple = $(echo "scale=2; $t_ar / $t_simple" | bc)"
exit $status
