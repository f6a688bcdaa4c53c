#!/usr/bin/env bash
# fts_quality.sh: quality floor of the `ar` full-text-search configuration.
#
# Runs test/eval/fts_eval.sh (dev split, shared scorers, C.UTF-8 database) and
# test/eval/fts_halves.sh (held-out half of PUD dev) and test/eval/fts_seeds.py
# (news queries over the seed articles, report half) and fails when a figure
# of `ar` falls below its floor.  Floors are the figures
# measured when the floors were last set, minus a 0.01 noise margin, and never
# below the goals of the full-text-search issue (conflation F1 >= 0.70 with
# precision >= 0.75; ARCD MRR@10 >= 0.50).  Run by test/run.sh as a suite
# (PGHOST/PGPORT/PGUSER and PGARABIC_SHARED exported); standalone:
#   eval "$(test/devpg.sh DIR PORT)"; bash test/suites/fts_quality.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PGARABIC_SHARED:-$root/../shared}
export PGARABIC_SHARED=$shared
if [ ! -d "$shared/data" ] || [ ! -d "$shared/tools" ] || [ ! -d "$shared/data/seeds" ]; then
  echo "MISSING: $shared/data (with data/seeds) and $shared/tools are needed by fts_quality (clone the repo next to shared/, or set PGARABIC_SHARED)" >&2
  exit 1
fi

# floors: measured 2026-11-23 (P 0.906, F1 0.742, MRR@10 0.504) minus 0.01, not below the goals;
# P and F1 raised with the lexicon (2026-12-06: P 0.914, F1 0.793, MRR@10 0.503; MRR floor kept)
FLOOR_P=0.904
FLOOR_F1=0.783
FLOOR_MRR=0.500
# held-out half B of PUD dev (test/eval/fts_halves.sh; 2026-12-06: P 0.939, F1 0.806), and
# precision never below 0.88 (search issue II: recall bought below that is not worth it)
FLOOR_HELDOUT_F1=0.796
FLOOR_HELDOUT_P=0.880
# news queries over the seed articles, report half (test/eval/fts_seeds.py; 2026-12-06: mean F1 0.933,
# 0.974 with the place of a nisba adjective as a second lexeme)
FLOOR_SEEDS_F1=0.964

out=$(bash "$root/test/eval/fts_eval.sh" dev) || { echo "fts_quality: the evaluation failed" >&2; exit 1; }
echo "$out"
fig=$(grep '^FIGURE ' <<<"$out") || { echo "fts_quality: no FIGURE line in the evaluation output" >&2; exit 1; }
get() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<" ${fig#FIGURE }"; }
p=$(get conflation_P); f1=$(get conflation_F1); mrr=$(get arcd_MRR10)
[ -n "$p" ] && [ -n "$f1" ] && [ -n "$mrr" ] || { echo "fts_quality: cannot read figures from: $fig" >&2; exit 1; }
fails=0
check() {  # name value floor
  if awk -v v="$2" -v f="$3" 'BEGIN { exit !(v + 0 >= f + 0) }'; then
    echo "ok   $1 = $2 (floor $3)"
  else
    echo "FAIL $1 = $2 is below the floor $3"; fails=$((fails + 1))
  fi
}
check "conflation precision" "$p" "$FLOOR_P"
check "conflation F1" "$f1" "$FLOOR_F1"
check "ARCD MRR@10" "$mrr" "$FLOOR_MRR"
halves=$(bash "$root/test/eval/fts_halves.sh") || { echo "fts_quality: the held-out evaluation failed" >&2; exit 1; }
echo "$halves"
fig=$(grep '^FIGURE ' <<<"$halves") || { echo "fts_quality: no FIGURE line in the held-out output" >&2; exit 1; }
hp=$(get heldout_P); hf1=$(get heldout_F1)
[ -n "$hp" ] && [ -n "$hf1" ] || { echo "fts_quality: cannot read figures from: $fig" >&2; exit 1; }
check "held-out conflation precision" "$hp" "$FLOOR_HELDOUT_P"
check "held-out conflation F1" "$hf1" "$FLOOR_HELDOUT_F1"
# the seed queries run in the evaluation database fts_eval.sh prepared (UTF-8 ctype, current build)
seeds=$(PGDATABASE=${FTS_EVAL_DB:-pg_arabic_eval} python3 "$root/test/eval/fts_seeds.py" "$shared/data/seeds") \
  || { echo "fts_quality: the seed-query evaluation failed" >&2; exit 1; }
echo "$seeds"
fig=$(grep '^FIGURE ' <<<"$seeds") || { echo "fts_quality: no FIGURE line in the seed-query output" >&2; exit 1; }
sf1=$(get seeds_report_F1)
[ -n "$sf1" ] || { echo "fts_quality: cannot read figures from: $fig" >&2; exit 1; }
check "seed news queries mean F1 (report half)" "$sf1" "$FLOOR_SEEDS_F1"
echo "$((6 - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
