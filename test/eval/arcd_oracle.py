#!/usr/bin/env python3
"""What the lexemes of a configuration could do on ARCD under a ranker with IDF (analysis, not
our figure: the fixed scorer ../shared/tools/arcd_retrieval.py ranks by ts_rank_cd, no IDF).

Usage: arcd_oracle.py ARCD_JSON [CFG] [psql args...]   (a half from test/eval/arcd_halves.py)

Same documents and queries as the scorer: every paragraph a document (to_tsvector(CFG)), every
question the OR of the lexemes of plainto_tsquery(CFG, question). The candidates (paragraphs that
match) are ranked in Python by: the plain count of matched occurrences (what ts_rank_cd amounts to
for an OR query), tf*idf, the idf sum of the matched lexemes, and BM25 (k1 1.2, b 0.75), with
document frequencies over the file's own paragraphs. Prints MRR@10 and recall@1 of each."""
import json, math, re, subprocess, sys, collections

def main():
    path, *rest = sys.argv[1:]
    cfg = rest.pop(0) if rest and not rest[0].startswith('-') else 'ar'
    data = json.load(open(path, encoding='utf-8'))
    paras, qs = [], []
    for a in data['data']:
        for p in a['paragraphs']:
            paras.append(p['context'])
            qs.extend((len(paras) - 1, q['question']) for q in p['qas'])
    esc = lambda s: s.replace('\\', '\\\\').replace('\t', ' ').replace('\n', ' ')
    sql = ("create temp table p(id int, body text);\ncopy p from stdin;\n" +
           ''.join(f"{i}\t{esc(b)}\n" for i, b in enumerate(paras)) + "\\.\n" +
           "create temp table q(id int, body text);\ncopy q from stdin;\n" +
           ''.join(f"{i}\t{esc(b)}\n" for i, (_, b) in enumerate(qs)) + "\\.\n" +
           f"select 'V', id, to_tsvector('{cfg}', body)::text from p;\n"
           f"select 'Q', id, coalesce(plainto_tsquery('{cfg}', body)::text, '') from q;\n")
    r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', *rest],
                       input=sql, capture_output=True, text=True)
    if r.returncode:
        sys.exit(r.stderr)
    lexre = re.compile(r"'((?:[^']|'')*)'(?::([\d,A-D]+))?")
    V, Q = {}, {}
    for line in r.stdout.splitlines():
        kind, i, text = line.split('\t', 2)
        if kind == 'V':
            V[int(i)] = {m.group(1): len(m.group(2).split(',')) for m in lexre.finditer(text)}
        else:
            Q[int(i)] = sorted({m.group(1) for m in lexre.finditer(text)})
    n = len(V)
    df = collections.Counter(l for v in V.values() for l in v)
    length = {i: sum(v.values()) for i, v in V.items()}
    avg = sum(length.values()) / n
    idf = lambda l: math.log(1 + (n - df[l] + 0.5) / (df[l] + 0.5))
    rankers = {
        'matched occurrences (~ ts_rank_cd, no IDF)': lambda v, p, ls: sum(v.get(l, 0) for l in ls),
        'tf * idf (no length normalization)': lambda v, p, ls: sum(v.get(l, 0) * idf(l) for l in ls),
        'idf sum of matched lexemes': lambda v, p, ls: sum(idf(l) for l in ls if l in v),
        'BM25 (k1 1.2, b 0.75)': lambda v, p, ls: sum(idf(l) * v[l] * 2.2 / (v[l] + 1.2 * (0.25 + 0.75 * length[p] / avg))
                                                      for l in ls if l in v),
    }
    for name, score in rankers.items():
        mrr = r1 = 0
        for i, (rel, _) in enumerate(qs):
            ls = Q.get(i) or []
            top = sorted((p for p in V if any(l in V[p] for l in ls)), key=lambda p: (-score(V[p], p, ls), p))[:10]
            if rel in top:
                k = top.index(rel) + 1
                mrr += 1 / k
                r1 += k == 1
        print(f"{cfg} {name}: MRR@10={mrr / len(qs):.3f} recall@1={r1 / len(qs):.3f}")

main()
