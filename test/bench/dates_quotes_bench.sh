#!/usr/bin/env bash
# Throughput of ar_dates / ar_quotes on SaudiNewsNet articles, side by side
# with an anchor in the same run: a single PostgreSQL regular expression that
# only spots day-month-year / numeric dates (ar_dates) and «...» / "..."
# quotations (ar_quotes), with no normalization, relative dates or speakers.
#   test/bench/dates_quotes_bench.sh [N_ARTICLES] [psql args...]   (default 2000)
# Benchmark only: nothing derived from SaudiNewsNet is written to the tree.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
data=$here/../shared/data/saudinewsnet/articles.tsv.gz
[ -r "$data" ] || { echo "dates_quotes_bench: missing $data" >&2; exit 1; }
n=${1:-2000}; shift || true
{
  echo '\set ON_ERROR_STOP 1'
  echo 'CREATE TEMP TABLE bench_a(body text);'
  echo 'COPY bench_a FROM STDIN;'
  { zcat "$data" | head -n "$n" | awk -F'\t' '{print $5}'; } || true  # head closes the pipe early
  echo '\.'
  cat <<'SQL'
DO $$
DECLARE t0 timestamptz; ms_d float8; ms_dr float8; ms_q float8; ms_qr float8; nd bigint; ndr bigint; nq bigint; nqr bigint; mb float8;
  months text := 'يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول';
BEGIN
  SELECT sum(octet_length(body)) / 1e6 INTO mb FROM bench_a;
  t0 := clock_timestamp();
  SELECT count(*) INTO nd FROM bench_a, ar_dates(body, '2015-07-21');
  ms_d := extract(epoch FROM clock_timestamp() - t0) * 1000;
  t0 := clock_timestamp();
  SELECT count(*) INTO ndr FROM bench_a, regexp_matches(body,
    '[0-9]{1,2} (' || months || ') [0-9]{4}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}', 'g');
  ms_dr := extract(epoch FROM clock_timestamp() - t0) * 1000;
  t0 := clock_timestamp();
  SELECT count(*) INTO nq FROM bench_a, ar_quotes(body);
  ms_q := extract(epoch FROM clock_timestamp() - t0) * 1000;
  t0 := clock_timestamp();
  SELECT count(*) INTO nqr FROM bench_a, regexp_matches(body, '«[^»]*»|"[^"]*"', 'g');
  ms_qr := extract(epoch FROM clock_timestamp() - t0) * 1000;
  RAISE NOTICE 'articles=% MB=%', (SELECT count(*) FROM bench_a), round(mb::numeric, 2);
  RAISE NOTICE 'ar_dates:  % ms (% MB/s, % dates) | regex anchor: % ms (% matches) | time ratio ar_dates/anchor = %',
    round(ms_d::numeric), round((mb / (ms_d / 1000))::numeric, 2), nd, round(ms_dr::numeric), ndr, round((ms_d / ms_dr)::numeric, 2);
  RAISE NOTICE 'ar_quotes: % ms (% MB/s, % quotes) | regex anchor: % ms (% matches) | time ratio ar_quotes/anchor = %',
    round(ms_q::numeric), round((mb / (ms_q / 1000))::numeric, 2), nq, round(ms_qr::numeric), nqr, round((ms_q / ms_qr)::numeric, 2);
END $$;
SQL
} | psql -X -q "$@" 2>&1 | sed 's/^psql:[^ ]* NOTICE:  //; s/^NOTICE:  //'
