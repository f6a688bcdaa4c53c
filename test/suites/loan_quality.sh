#!/usr/bin/env bash
# loan_quality.sh: quality floors of loanword / foreign-name spelling folding in `ar`
# (docs/search.md, "Loanwords and foreign names"), each a little below the last measured figure
# (2026-12-06, report half of test/eval/loan_eval.py; never lowered to pass):
#   variant recall with folding >= 0.21 (measured 0.227; 0.152 without folding),
#   precision of the pairs folding adds >= 0.85 (0.901),
#   PUD dev word types whose lexeme changes <= 60 (53, all foreign names or loanwords).
# Needs a server with pg_arabic (PGHOST/PGPORT/PGUSER, e.g. from test/devpg.sh) and ../shared (or
# $PGARABIC_SHARED) with data/names and data/pud.  Standalone:
#   eval "$(test/devpg.sh DIR PORT)"; bash test/suites/loan_quality.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PGARABIC_SHARED:-$root/../shared}
export PGARABIC_SHARED=$shared
for f in data/names/wikidata_person_name_tokens.tsv data/names/wikipedia_name_transliterations_ar_en.tsv data/pud/dev.conllu; do
  [ -f "$shared/$f" ] || { echo "MISSING: $shared/$f is needed by loan_quality" >&2; exit 1; }
done
# the evaluation database of test/eval/fts_eval.sh, with the current build installed afresh
db=${FTS_EVAL_DB:-pg_arabic_eval}
fail() { echo "loan_quality: $*" >&2; exit 1; }
source "$root/test/eval/fts_db.sh"
out=$(python3 "$root/test/eval/loan_eval.py" -d "$db") || { echo "loan_quality: the evaluation failed" >&2; exit 1; }
grep -v '^  [^ ]*: [^ ]* -> ' <<<"$out"
fig=$(grep '^FIGURE ' <<<"$out") || { echo "loan_quality: no FIGURE line" >&2; exit 1; }
get() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<" ${fig#FIGURE }"; }
fails=0
check() {  # name value op floor
  if [ -z "$2" ]; then echo "FAIL no figure for $1"; fails=$((fails + 1)); return; fi
  if awk -v v="$2" -v f="$4" -v op="$3" 'BEGIN { exit !(op == ">=" ? v + 0 >= f + 0 : v + 0 <= f + 0) }'; then
    echo "ok   $1 = $2 ($3 $4)"
  else
    echo "FAIL $1 = $2 (wanted $3 $4)"; fails=$((fails + 1))
  fi
}
check "variant recall with folding" "$(get recall_on)" ">=" 0.21
check "precision of the added pairs" "$(get new_pair_precision)" ">=" 0.85
check "PUD dev types changed" "$(get pud_changed)" "<=" 60
echo "$((3 - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
