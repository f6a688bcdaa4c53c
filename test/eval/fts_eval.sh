#!/usr/bin/env bash
# fts_eval.sh: quality of the `ar` text-search configuration, measured with
# the shared scorers against the built-in `arabic` configuration (and the
# Lucene Light10 reference stemmer for conflation).
#
#   test/eval/fts_eval.sh [SPLIT]      SPLIT = dev (default) or another file
#                                      name under ../shared/data/{pud,arcd}
#
# Needs a running server where pg_arabic can be installed (PGHOST/PGPORT/PGUSER
# as exported by test/devpg.sh or test/run.sh) and the shared data next to the
# repository (../shared, or $PGARABIC_SHARED).  Fails loudly when anything is
# missing; never skips.
#
# The scorers run in a dedicated database ($FTS_EVAL_DB, default
# pg_arabic_eval) created, when missing, with LOCALE 'C.UTF-8' TEMPLATE
# template0: the built-in `arabic` Snowball configuration lowercases and
# classifies letters through the database's ctype, and in a C-locale database
# it treats Arabic letters as non-letters and is much weaker.  The issue's
# baseline (ARCD MRR@10 0.334 for `arabic`) was measured in a UTF-8 locale,
# so both configurations are measured there, side by side, in one run.
#
# Output: one line per configuration and scorer, then a summary table, then
# machine-readable lines
#   FIGURE conflation_P=... conflation_R=... conflation_F1=... arcd_MRR10=...
# for the `ar` configuration (read by test/suites/fts_quality.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PGARABIC_SHARED:-$here/../shared}
split=${1:-dev}
db=${FTS_EVAL_DB:-pg_arabic_eval}
pud=$shared/data/pud/$split.conllu
arcd=$shared/data/arcd/$split.json
tools=$shared/tools
fail() { echo "fts_eval: $*" >&2; exit 1; }
[ -d "$shared" ] || fail "MISSING $shared (the shared data directory must sit next to the repository, or set PGARABIC_SHARED)"
for f in "$pud" "$arcd" "$tools/stem_conflation.py" "$tools/arcd_retrieval.py"; do
  [ -f "$f" ] || fail "MISSING $f"
done
command -v python3 >/dev/null || fail "python3 not found"
command -v psql >/dev/null || fail "psql not found"

# the evaluation database, UTF-8 locale (see above), with the current build installed
source "$here/test/eval/fts_db.sh"

echo "# pg_arabic full-text search evaluation, split=$split, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "# database: $db lc_ctype=$ctype"
echo "# dictionary: $(psql -X -At -c "SELECT dictinitoption FROM pg_ts_dict WHERE dictname = 'ar_stem'")"
declare -A P R F M R1 R10
# val KEY TEXT: the number after KEY= in TEXT
val() { sed -n "s/.*[ ]$1=\([0-9.]*\).*/\1/p" <<<" $2"; }
# run LABEL TOOL DATA CFG: run a scorer, print its line, leave it in $out
run() {
  out=$(python3 "$tools/$2" "$3" "$4") || fail "$2 failed for $4"
  printf '%-10s %-7s %s\n' "$1" "$4" "$out"
}
for cfg in ar arabic lucene; do
  run conflation stem_conflation.py "$pud" "$cfg"
  P[$cfg]=$(val precision "$out"); R[$cfg]=$(val recall "$out"); F[$cfg]=$(val F1 "$out")
  [ -n "${F[$cfg]}" ] || fail "cannot read the conflation figures for $cfg: $out"
done
for cfg in ar arabic; do
  run arcd arcd_retrieval.py "$arcd" "$cfg"
  M[$cfg]=$(val MRR@10 "$out"); R1[$cfg]=$(val recall@1 "$out"); R10[$cfg]=$(val recall@10 "$out")
  [ -n "${M[$cfg]}" ] || fail "cannot read the retrieval figures for $cfg: $out"
done
echo
printf '%-22s %8s %8s %8s\n' "split=$split" ar arabic lucene
printf '%-22s %8s %8s %8s\n' "conflation precision" "${P[ar]}" "${P[arabic]}" "${P[lucene]}"
printf '%-22s %8s %8s %8s\n' "conflation recall" "${R[ar]}" "${R[arabic]}" "${R[lucene]}"
printf '%-22s %8s %8s %8s\n' "conflation F1" "${F[ar]}" "${F[arabic]}" "${F[lucene]}"
printf '%-22s %8s %8s %8s\n' "ARCD MRR@10" "${M[ar]}" "${M[arabic]}" "-"
printf '%-22s %8s %8s %8s\n' "ARCD recall@1" "${R1[ar]}" "${R1[arabic]}" "-"
printf '%-22s %8s %8s %8s\n' "ARCD recall@10" "${R10[ar]}" "${R10[arabic]}" "-"
echo "FIGURE conflation_P=${P[ar]} conflation_R=${R[ar]} conflation_F1=${F[ar]} arcd_MRR10=${M[ar]}"
