#!/usr/bin/env bash
# Cross-validation of the NER training recipe (experiments; no server needed).
# Trains `make model`'s recipe (same curated gazetteers, seed, epochs, runs) once per held-out
# 10 % slice of ../shared/data/anercorp/train.txt and prints each slice's micro F1 through
# ar_ner_extract (the C scorer with tools/ner_eval.py's span rules) and their mean.
#   bash test/eval/ner_cv.sh [SLICES]      # default "1 3 5 7 9"; "0 1 2 3 4 5 6 7 8 9" for all ten
# Extra trainer settings come from the environment (NER_* variables of src/train/ner_train.c),
# e.g. NER_DEV_GAP=100 (purged slices: see test/eval/ner_honest.sh), NER_NAMES_DROP=wd (ablation).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PGARABIC_SHARED:-$here/../shared}
train=$shared/data/anercorp/train.txt
[ -f "$train" ] || { echo "MISSING: $train (ANERcorp train split) is needed by this evaluation" >&2; exit 1; }
slices=${1:-1 3 5 7 9}
make -s -C "$here" src/train/ner_train >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# the curated gazetteers of make model's recipe, as -c options relative to the tree
# (NER_CV_CURATED, when set, replaces them: ablations; paths relative to the tree)
read -r -a cur <<< "${NER_CV_CURATED-$(make -s -C "$here" --no-print-directory ner-curated)}"
cur=("${cur[@]/#src/$here/src}")
jobs=${NER_CV_JOBS:-$(nproc)}
for k in $slices; do
  ( NER_DEV_SLICE=$k "$here/src/train/ner_train" -t "$train" -e "${NER_EPOCHS:-12}" -b "${NER_BITS:-17}" \
      -r "${NER_RUNS:-3}" -s "${NER_SEED:-20260423}" -d 10 "${cur[@]}" \
      -m "$tmp/m$k.model" -g "$tmp/m$k.gaz" 2> "$tmp/log$k" >/dev/null \
    && grep 'dev(ar_ner_extract) ALL' "$tmp/log$k" | sed -n 's/.*F1=\([0-9.]*\).*/\1/p' > "$tmp/f$k" ) &
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
done
wait
sum=0; n=0
for k in $slices; do
  [ -s "$tmp/f$k" ] || { echo "slice $k failed:" >&2; tail -5 "$tmp/log$k" >&2; exit 1; }
  f=$(cat "$tmp/f$k"); echo "slice $k F1=$f"
  sum=$(echo "$sum + $f" | bc -l); n=$((n + 1))
done
printf 'mean F1 over %d slices: %.4f\n' "$n" "$(echo "$sum / $n" | bc -l)"
# the held-out slices pooled: micro precision, recall and F1 per type and overall
for k in $slices; do grep 'dev(ar_ner_extract)' "$tmp/log$k" | grep -v ' ALL '; done | awk '
  { t = $2; for (i = 3; i <= NF; i++) { split($i, kv, "="); v[t, kv[1]] += kv[2] } types[t] = 1 }
  function line(name, tp, pr, go,   p, r) {
    p = pr ? tp / pr : 0; r = go ? tp / go : 0
    printf "pooled %-4s P=%.4f R=%.4f F1=%.4f (gold %d)\n", name, p, r, p + r ? 2 * p * r / (p + r) : 0, go }
  END { n = split("PER LOC ORG MISC", order, " ")
        for (i = 1; i <= n; i++) { t = order[i]; line(t, v[t, "tp"], v[t, "pred"], v[t, "gold"])
          TP += v[t, "tp"]; PR += v[t, "pred"]; GO += v[t, "gold"] }
        line("ALL", TP, PR, GO) }'

