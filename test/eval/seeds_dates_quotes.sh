#!/usr/bin/env bash
# Seed check: print the dates (ar_dates) and quotations (ar_quotes) found in
# the five seed articles of ../shared/data/seeds, against a live server.
#   test/eval/seeds_dates_quotes.sh [psql args...]   (PGHOST/PGPORT/PGUSER honoured)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
seeds=$here/../shared/data/seeds
ls "$seeds"/*.txt >/dev/null 2>&1 || { echo "seeds_dates_quotes: no seed articles in $seeds" >&2; exit 1; }
for f in "$seeds"/*.txt; do
  echo "== $(basename "$f")"
  {
    printf '\\set ON_ERROR_STOP 1\n\\set doc `cat %q`\n' "$f"
    printf "SELECT 'date' AS kind, expression AS text, value AS detail FROM ar_dates(:'doc') ORDER BY start_pos;\n"
    printf "SELECT 'quote' AS kind, coalesce(speaker, '?') AS speaker, left(quote, 90) AS quote FROM ar_quotes(:'doc') ORDER BY start_pos;\n"
  } | psql -X -q -A -t -F ' | ' "$@"
done
