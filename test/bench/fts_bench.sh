#!/usr/bin/env bash
# fts_bench.sh: speed of the `ar` text-search configuration against the
# built-in `arabic` configuration, side by side in one run, on a sample of
# SaudiNewsNet articles (../shared/data/saudinewsnet/articles.tsv.gz, used for
# benchmarking only: nothing derived from it is committed).
#
#   test/bench/fts_bench.sh [ROWS] [REPEAT]     (defaults: 5000 rows, best of 3)
#
# Needs a running server with pg_arabic installable (PGHOST/PGPORT/PGUSER as
# exported by test/devpg.sh).  Prints, for ar and arabic: to_tsvector time
# over all rows and GIN index build time (each the best of REPEAT runs, the two
# configurations interleaved so that a noisy machine hits both alike), and the
# mean latency of 1-, 2- and 3-word queries (websearch_to_tsquery, index scan
# forced, count of matches; 5 queries each, 20 rounds, alternating order),
# plus ratios.  The to_tsvector time is given twice: in one session (the
# ar_stem word memo warm from the earlier passes over the same rows) and with
# the memo cold (each pass in a fresh backend whose dictionaries were loaded
# by a two-word call), so a memo that only remembers the previous pass's
# words cannot pass for per-row speed.  The database is created with the cluster's default locale.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
data=$here/../shared/data/saudinewsnet/articles.tsv.gz
rows=${1:-5000}
repeat=${2:-3}
if [ ! -f "$data" ]; then
  echo "fts_bench: missing $data (the shared data directory ../shared must sit next to the repository)" >&2
  exit 1
fi
command -v psql >/dev/null || { echo "fts_bench: psql not found" >&2; exit 1; }
db=pga_fts_bench
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $db" -c "create database $db encoding 'UTF8' template template0"
p() { psql -X -q -v ON_ERROR_STOP=1 -d $db "$@"; }
p -c "create extension pg_arabic" \
  -c "create table news(id int primary key, source text, date text, title text, content text)"
{ zcat "$data" || true; } | head -n "$rows" | p -c "\copy news from pstdin"
p -c "vacuum analyze news"
p -At -c "select 'rows=' || count(*) || ' content_chars=' || sum(length(content)) || ' content_MB=' || round(sum(octet_length(content))/1048576.0, 1) from news"

# Queries: fixed news vocabulary, not drawn from the data.
cat > /tmp/fts_bench_q.$$ <<'Q'
1	الحكومة
1	وزير
1	النفط
1	المملكة
1	الاقتصاد
2	وزير الخارجية
2	أسعار النفط
2	مجلس الأمن
2	الأمير محمد
2	كرة القدم
3	وزارة الصحة السعودية
3	مجلس الوزراء السعودي
3	أسعار النفط العالمية
3	الأمم المتحدة اليمن
3	الهلال الأحمر السعودي
Q
p -c "create table q(nw int, q text)" -c "\copy q from /tmp/fts_bench_q.$$"
rm -f /tmp/fts_bench_q.$$

# Everything below runs in ONE psql session, timing with clock_timestamp().
p -At <<SQL
set client_min_messages = warning;
-- to_tsvector over all rows, ar and arabic interleaved (fair under a noisy
-- machine), best of reps for each
create function pg_temp.t_vec(reps int, out ar float8, out arabic float8) language plpgsql as \$\$
declare t0 timestamptz; x bigint;
begin
  ar := 1e9; arabic := 1e9;
  for i in 1..reps loop
    t0 := clock_timestamp();
    select sum(length(to_tsvector('ar', content))) into x from news;
    ar := least(ar, extract(epoch from clock_timestamp() - t0));
    t0 := clock_timestamp();
    select sum(length(to_tsvector('arabic', content))) into x from news;
    arabic := least(arabic, extract(epoch from clock_timestamp() - t0));
  end loop;
end \$\$;
-- GIN index build, ar and arabic interleaved, best of reps for each
create function pg_temp.t_gin(reps int, out ar float8, out arabic float8) language plpgsql as \$\$
declare t0 timestamptz; cfg text;
begin
  ar := 1e9; arabic := 1e9;
  for i in 1..reps loop
    foreach cfg in array array['ar', 'arabic'] loop
      execute format('drop index if exists news_%s_gin', cfg);
      t0 := clock_timestamp();
      execute format('create index news_%s_gin on news using gin (to_tsvector(%L, content))', cfg, cfg);
      if cfg = 'ar' then ar := least(ar, extract(epoch from clock_timestamp() - t0));
      else arabic := least(arabic, extract(epoch from clock_timestamp() - t0)); end if;
    end loop;
  end loop;
end \$\$;
-- mean latency of the nwords-word queries (index scan + count), ar and
-- arabic interleaved query by query, in alternating order
create function pg_temp.t_q(nwords int, reps int, out ar_ms float8, out ar_hits float8,
                            out arabic_ms float8, out arabic_hits float8) language plpgsql as \$\$
declare t0 timestamptz; n bigint; k int := 0; r record; cfg text;
begin
  ar_ms := 0; arabic_ms := 0; ar_hits := 0; arabic_hits := 0;
  for i in 1..reps loop
    for r in select q from q where nw = nwords loop
      k := k + 1;
      -- alternate which configuration goes first (the second one finds the
      -- heap pages in the CPU caches)
      foreach cfg in array case when i % 2 = 1 then array['ar', 'arabic'] else array['arabic', 'ar'] end loop
        t0 := clock_timestamp();
        execute format('select count(*) from news where to_tsvector(%L, content) @@ websearch_to_tsquery(%L, %L)', cfg, cfg, r.q) into n;
        if cfg = 'ar' then
          ar_ms := ar_ms + 1000 * extract(epoch from clock_timestamp() - t0); ar_hits := ar_hits + n;
        else
          arabic_ms := arabic_ms + 1000 * extract(epoch from clock_timestamp() - t0); arabic_hits := arabic_hits + n;
        end if;
      end loop;
    end loop;
  end loop;
  ar_ms := ar_ms / k; arabic_ms := arabic_ms / k; ar_hits := ar_hits / k; arabic_hits := arabic_hits / k;
end \$\$;
-- warm up: load dictionaries in this backend
select count(*) from (select to_tsvector('ar', content), to_tsvector('arabic', content) from news limit 50) s \g /dev/null
select format('to_tsvector   ar=%ss  arabic=%ss  ratio ar/arabic=%s  (best of $repeat, interleaved)', round(ar::numeric,3), round(arabic::numeric,3), round((ar/arabic)::numeric,2))
  from pg_temp.t_vec($repeat);
select format('GIN build     ar=%ss  arabic=%ss  ratio ar/arabic=%s  (best of $repeat, interleaved)', round(ar::numeric,3), round(arabic::numeric,3), round((ar/arabic)::numeric,2))
  from pg_temp.t_gin($repeat);
select format('index sizes   ar=%s  arabic=%s', pg_size_pretty(pg_relation_size('news_ar_gin')), pg_size_pretty(pg_relation_size('news_arabic_gin')));
set enable_seqscan = off;
select pg_temp.t_q(w, 1) from generate_series(1,3) w \g /dev/null
select format('%s-word query  ar=%sms (%s hits)  arabic=%sms (%s hits)  ratio ar/arabic=%s', w,
              round(ar_ms::numeric,2), round(ar_hits::numeric,1), round(arabic_ms::numeric,2), round(arabic_hits::numeric,1),
              round((ar_ms/arabic_ms)::numeric,2))
  from generate_series(1,3) w, pg_temp.t_q(w, 20);
SQL
# to_tsvector with the word memo cold: each pass in a fresh backend, ar and
# arabic interleaved, best of REPEAT each
cold_pass() {
  p -At <<SQL
select length(to_tsvector('$1', 'كتب الطالب')) \\g /dev/null
select clock_timestamp() as t0 \\gset
select sum(length(to_tsvector('$1', content))) from news \\g /dev/null
select extract(epoch from clock_timestamp() - :'t0'::timestamptz);
SQL
}
cold_ar=1e9; cold_arabic=1e9
for i in $(seq "$repeat"); do
  cold_ar=$(awk -v a="$cold_ar" -v b="$(cold_pass ar)" 'BEGIN { print (b < a ? b : a) }')
  cold_arabic=$(awk -v a="$cold_arabic" -v b="$(cold_pass arabic)" 'BEGIN { print (b < a ? b : a) }')
done
awk -v a="$cold_ar" -v b="$cold_arabic" -v r="$repeat" 'BEGIN { printf "to_tsvector   ar=%.3fs  arabic=%.3fs  ratio ar/arabic=%.2f  (memo cold: fresh backend per pass, best of %s, interleaved)\n", a, b, a / b, r }'
p -At -c "set enable_seqscan = off" -c "explain (costs off) select count(*) from news where to_tsvector('ar', content) @@ websearch_to_tsquery('ar', 'وزير الخارجية')" | sed 's/^/plan: /'
psql -X -q -d postgres -c "drop database $db"
