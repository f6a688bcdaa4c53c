#!/usr/bin/env bash
# fts_eval.sh: quality of the `ar` text-search configuration, measured with
# the shared scorers against the built-in `arabic` configuration (and the
# Lucene Light10 reference stemmer for conflation).
#
#   test/eval/fts_eval.sh [SPLIT]      SPLIT = dev (default) or another file
#                                      name under ../shared/data/{pud,arcd}
#
# Needs a running server where pg_arabic is installed or installable in the
# current database (PGHOST/PGPORT/PGUSER as exported by test/devpg.sh), and
# the shared data next to the repository (../shared).  Fails loudly when
# anything is missing; never skips.
#
# Figures printed:
#   conflation  UD lemma conflation on PUD (pairs of surface types that share
#               a stem vs share a lemma): precision, recall, F1.
#   arcd        ARCD passage retrieval (question -> its paragraph, OR query,
#               ts_rank_cd): MRR@10, recall@1, recall@10.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=$here/../shared
split=${1:-dev}
pud=$shared/data/pud/$split.conllu
arcd=$shared/data/arcd/$split.json
tools=$shared/tools
fail() { echo "fts_eval: $*" >&2; exit 1; }
[ -d "$shared" ] || fail "missing $shared (the shared data directory must sit next to the repository)"
for f in "$pud" "$arcd" "$tools/stem_conflation.py" "$tools/arcd_retrieval.py"; do
  [ -f "$f" ] || fail "missing $f"
done
command -v python3 >/dev/null || fail "python3 not found"
command -v psql >/dev/null || fail "psql not found"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS pg_arabic" >/dev/null \
  || fail "cannot connect or install pg_arabic (run: eval \"\$(test/devpg.sh DIR PORT)\")"
psql -X -At -v ON_ERROR_STOP=1 -c "SELECT 'ar'::regconfig, 'arabic'::regconfig" >/dev/null \
  || fail "text search configurations ar/arabic not found on the search_path"

echo "# pg_arabic full-text search evaluation, split=$split, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "# database: $(psql -X -At -c "SELECT current_database() || ' lc_ctype=' || datctype FROM pg_database WHERE datname = current_database()")"
echo "# dictionary: $(psql -X -At -c "SELECT dictinitoption FROM pg_ts_dict WHERE dictname = 'ar_stem'")"
for cfg in ar arabic lucene; do
  printf 'conflation %-7s ' "$cfg"
  python3 "$tools/stem_conflation.py" "$pud" "$cfg" || fail "stem_conflation.py failed for $cfg"
done
for cfg in ar arabic; do
  printf 'arcd       %-7s ' "$cfg"
  python3 "$tools/arcd_retrieval.py" "$arcd" "$cfg" || fail "arcd_retrieval.py failed for $cfg"
done
