#!/usr/bin/env bash
# fts_halves.sh: lemma-conflation figures of the `ar` configuration that
# predict held-out data, and the contribution of the lexicon.
#
#   test/eval/fts_halves.sh
#
# The PUD dev set (../shared/data/pud/dev.conllu, 500 sentences) is carved
# by sentence into two files: A = the first half, on which the lexicon rules
# of the stemmer (src/core/ar_stem_patterns.c, the split choice in ar_stem.c)
# were tuned, and B = the second half, never looked at while tuning: B is the
# figure to quote.  Also scored: the project's own sentences
# (test/eval/fts_sentences.conllu, written for pg_arabic, lemmas by hand).
# Each set is scored (shared stem_conflation.py: precision, recall, F1) for
#   ar        the shipped configuration,
#   ar_nolex  the same without the lexicon (ar_stem minus its Lexicon option),
#   arabic    the built-in Snowball configuration.
# Needs what test/eval/fts_eval.sh needs (a server from test/devpg.sh, the
# shared data); ends with a machine-readable line
#   FIGURE heldout_P=... heldout_R=... heldout_F1=... tune_F1=... own_F1=...
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PGARABIC_SHARED:-$here/../shared}
db=${FTS_EVAL_DB:-pg_arabic_eval}
pud=$shared/data/pud/dev.conllu
own=$here/test/eval/fts_sentences.conllu
tool=$shared/tools/stem_conflation.py
fail() { echo "fts_halves: $*" >&2; exit 1; }
for f in "$pud" "$own" "$tool"; do [ -f "$f" ] || fail "MISSING $f"; done
source "$here/test/eval/fts_db.sh"
# ar without the lexicon, side by side
psql -X -q -v ON_ERROR_STOP=1 \
  -c "CREATE TEXT SEARCH DICTIONARY ar_stem_nolex (TEMPLATE = ar_stem_template, StopWords = pg_arabic, ProtectedWords = pg_arabic, Plurals = pg_arabic, Aggressiveness = 2)" \
  -c "CREATE TEXT SEARCH CONFIGURATION ar_nolex (COPY = ar)" \
  -c "ALTER TEXT SEARCH CONFIGURATION ar_nolex ALTER MAPPING FOR arabic, number WITH ar_stem_nolex" >/dev/null \
  || fail "cannot create the configuration ar_nolex"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# sentences are separated by blank lines; A = the first half, B = the rest
python3 - "$pud" "$tmp" <<'PY'
import sys
sents = [s for s in open(sys.argv[1], encoding='utf-8').read().split('\n\n') if s.strip()]
h = len(sents) // 2
for name, part in (('A', sents[:h]), ('B', sents[h:])):
    open(f'{sys.argv[2]}/{name}.conllu', 'w', encoding='utf-8').write('\n\n'.join(part) + '\n\n')
print(f'# PUD dev: {len(sents)} sentences, A = 1..{h} (tuning), B = {h + 1}..{len(sents)} (held out)')
PY
val() { sed -n "s/.*[ ]$1=\([0-9.]*\).*/\1/p" <<<" $2"; }
declare -A F P R
for set in A B own; do
  file=$tmp/$set.conllu; [ "$set" = own ] && file=$own
  for cfg in ar ar_nolex arabic; do
    out=$(python3 "$tool" "$file" "$cfg") || fail "stem_conflation.py failed for $set $cfg"
    printf '%-4s %-9s %s\n' "$set" "$cfg" "$out"
    F[$set.$cfg]=$(val F1 "$out"); P[$set.$cfg]=$(val precision "$out"); R[$set.$cfg]=$(val recall "$out")
  done
done
echo "FIGURE heldout_P=${P[B.ar]} heldout_R=${R[B.ar]} heldout_F1=${F[B.ar]} tune_F1=${F[A.ar]} own_F1=${F[own.ar]}"
