# Shared helpers of the SQL benchmarks (sourced).

# Load the first $2 SaudiNewsNet articles from $1 into table bench_news (once).
bench_load_news() {
  local data=$1 rows=$2 have
  have=$(psql -X -At -c "SELECT count(*) FROM bench_news" 2>/dev/null || echo none)
  if [ "$have" != "$rows" ]; then
    PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -c "DROP TABLE IF EXISTS bench_news" \
      -c "CREATE TABLE bench_news(id int PRIMARY KEY, source text, date text, title text, content text)"
    zcat "$data" | head -n "$rows" | psql -X -q -v ON_ERROR_STOP=1 -c "COPY bench_news FROM STDIN"
    psql -X -q -c "VACUUM ANALYZE bench_news"
  fi
}

# SQL defining pg_temp.bench(query, reps): best wall-clock milliseconds of reps runs.
bench_timer_sql() {
  cat <<'SQL'
CREATE FUNCTION pg_temp.bench(q text, reps int) RETURNS float8 LANGUAGE plpgsql AS $f$
DECLARE t0 timestamptz; best float8 := 'Infinity'; dummy text;
BEGIN
  EXECUTE q INTO dummy;                       -- warm the cache
  FOR i IN 1..reps LOOP
    t0 := clock_timestamp();
    EXECUTE q INTO dummy;
    best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
  END LOOP;
  RETURN best;
END $f$;
SQL
}
