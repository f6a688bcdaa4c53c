#!/usr/bin/env python3
"""How often ar_translit(token, 'names') shows a name token the way an independent list spells it.

Usage: names_display_eval.py WIKIPEDIA_TSV  (server from PGHOST/PGPORT/PGUSER, PGDATABASE or postgres)

The reference is the Wikipedia transliteration list of ../shared/data/names
(wikipedia_name_transliterations_ar_en.tsv, google/transliteration): the display lines of the
name model come from the Wikidata list, the arwikicats places and people, never from it.  Its
distinct Arabic tokens are split in two halves by a hash of the token (tune: even, report: odd);
a romanization counts as exact when, lowercased and reduced to the letters a-z (al-Asad: alasad),
it equals one of the list's spellings of the token reduced the same way.  Prints, per half, the
tokens, the exact share and the mean character error rate against the closest listed spelling."""
import hashlib, os, sys, unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seeds_sql import psql  # noqa: E402


def letters(s):
    s = unicodedata.normalize('NFKD', s.lower())
    return ''.join(c for c in s if 'a' <= c <= 'z')


def dist(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main():
    path = sys.argv[1]
    ref = {}
    with open(path, encoding='utf-8') as f:
        next(f)
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) >= 2 and parts[0] and ' ' not in parts[0]:
                ref.setdefault(parts[0], set()).add(letters(parts[1]))
    toks = sorted(t for t, v in ref.items() if any(v))
    sql = ("create temp table w(i int, t text);\ncopy w from stdin;\n" +
           ''.join(f"{i}\t{w}\n" for i, w in enumerate(toks)) +
           "\\.\nselect i, ar_translit(t, 'names') from w order by i;\n")
    rows = psql(sql, 'names_display_eval', 'postgres')
    out = {}
    for line in rows.splitlines():
        i, _, rom = line.partition('|')
        out[toks[int(i)]] = letters(rom)
    for half, name in ((0, 'tune'), (1, 'report')):
        sel = [t for t in toks if hashlib.md5(t.encode()).digest()[0] % 2 == half]
        exact = sum(1 for t in sel if out.get(t, '') in ref[t])
        cer = sum(min(dist(out.get(t, ''), s) / max(len(s), 1) for s in ref[t] if s) for t in sel) / len(sel)
        print(f"{name}: tokens={len(sel)} exact={exact / len(sel):.4f} cer={cer:.4f}")


main()
