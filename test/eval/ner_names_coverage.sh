#!/usr/bin/env bash
# Coverage of the name lists (src/train/names_tokens.tsv, `make names-lists`) on ANERcorp, per
# kind of list: the share of entity tokens of each type a list holds (clitics stripped as the
# tagger strips them), the same among "unseen" tokens (never inside an entity of the training
# sentences: the names the model cannot know from ANERcorp), and the share of ordinary (O)
# tokens a list holds (its noise).  Pooled over the ten purged held-out slices of
# test/eval/ner_honest.sh (NER_DEV_GAP, default 100).  No server needed.
#   bash test/eval/ner_names_coverage.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PGARABIC_SHARED:-$here/../shared}
train=$shared/data/anercorp/train.txt
[ -f "$train" ] || { echo "MISSING: $train (ANERcorp train split) is needed by this evaluation" >&2; exit 1; }
make -s -C "$here" src/train/ner_train >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for k in 0 1 2 3 4 5 6 7 8 9; do
  NER_DEV_SLICE=$k NER_DEV_GAP=${NER_DEV_GAP:-100} NER_NAMES_COVERAGE=1 "$here/src/train/ner_train" \
    -t "$train" -d 10 -n "$here/src/train/names_tokens.tsv" -m "$tmp/m" -g "$tmp/g" 2>/dev/null
done | awk '
  { hit[$2, $3] += $4; tot[$2, $3] += $5; kinds[$2] = 1 }
  END {
    printf "%-10s %7s %7s %7s %7s %7s %11s %7s\n", "list", "PER", "LOC", "ORG", "MISC", "O", "unseen-PER", "P(ent)"
    n = split("wd tr per_last loc nat org misc any", order, " ")
    for (i = 1; i <= n; i++) {
      k = order[i]; ent = hit[k, "PER"] + hit[k, "LOC"] + hit[k, "ORG"] + hit[k, "MISC"]
      printf "%-10s", k
      split("PER LOC ORG MISC O unseen-PER", cols, " ")
      for (c = 1; c <= 6; c++) printf " %6.1f%%", 100 * hit[k, cols[c]] / tot[k, cols[c]]
      printf " %6.1f%%\n", ent + hit[k, "O"] ? 100 * ent / (ent + hit[k, "O"]) : 0
    }
    printf "(tokens: PER %d, LOC %d, ORG %d, MISC %d, O %d, unseen-PER %d; P(ent): share of the hit tokens inside an entity)\n",
      tot["any", "PER"], tot["any", "LOC"], tot["any", "ORG"], tot["any", "MISC"], tot["any", "O"], tot["any", "unseen-PER"]
  }'
