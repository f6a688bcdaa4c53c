#!/usr/bin/env python3
"""loan_eval.py: spelling variants of foreign names and loanwords in the `ar` configuration.

Usage: test/eval/loan_eval.py [--slice tune|report|both] [psql args...]
       (PGARABIC_SHARED or ../shared: data/names/*.tsv, data/pud/dev.conllu)

Pairs: the Arabic spellings of one Latin name token (Wikidata person-name tokens and the
google/transliteration Wikipedia pairs, Latin folded to lower case without accents) are
variants of each other.  The Latin tokens are split in two halves by a hash of the token
(tune: the fold of src/core/ar_stem_loan.c was chosen on it; report: never looked at while
choosing), so no Latin token, and no variant pair, is in both.  For each half, every Arabic
token of its Latin tokens is sent through to_tsvector('ar', token) twice: as shipped
(LoanwordFolding = on) and with the option turned off inside a rolled-back transaction.
  recall     variant pairs whose sorted lexeme sets are equal (off -> on);
  new pairs  pairs of tokens of the half that share lexemes only with folding on:
             tp = they spell one Latin token, fp = their Latin tokens are clearly different
             names (difflib ratio < 0.6: every near neighbour and different name of the half
             is a candidate negative), amb = different but similar Latin tokens (ahmed/ahmad,
             not counted); precision of the new pairs = tp / (tp + fp);
  all pairs  the same over all pairs sharing lexemes (the baseline's own conflations too).
Ordinary words: the distinct Arabic word types of PUD dev (3,410) and of the project's own
sentences (test/eval/fts_sentences.conllu); every type whose lexeme changes is a false
trigger of the loanword path (listed).  Last line: FIGURE ... (report half)."""
import collections, difflib, hashlib, os, re, subprocess, sys, tempfile, unicodedata

here = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get('PGARABIC_SHARED', os.path.join(here, '..', '..', '..', 'shared'))
NAMES = [os.path.join(shared, 'data', 'names', f) for f in
         ('wikidata_person_name_tokens.tsv', 'wikipedia_name_transliterations_ar_en.tsv')]
PUD = os.path.join(shared, 'data', 'pud', 'dev.conllu')
OWN = os.path.join(here, 'fts_sentences.conllu')
ARABIC = re.compile('[\u0621-\u064a\u0640\u064b-\u0652\u0670\u0671\u067e\u0686\u0698\u06a4\u06a9\u06af\u06cc]+')


def fold_latin(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s.lower()) if not unicodedata.combining(c))


def half(lat):
    return 'tune' if int(hashlib.md5(lat.encode()).hexdigest(), 16) % 2 == 0 else 'report'


def load_pairs():
    lat2ar, ar2lat = collections.defaultdict(set), collections.defaultdict(set)
    for path in NAMES:
        with open(path, encoding='utf-8') as f:
            next(f)
            for line in f:
                a, lat = line.rstrip('\n').split('\t')[:2]
                if not ARABIC.fullmatch(a):
                    continue
                lat = fold_latin(lat)
                lat2ar[lat].add(a)
                ar2lat[a].add(lat)
    return lat2ar, ar2lat


def conllu_words(path):
    out = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            p = line.split('\t')
            if len(p) > 2 and p[0].isdigit() and ARABIC.fullmatch(p[1]):
                out.add(p[1])
    return out


def lexemes(words, pargs):
    """{word: (lexemes with folding on, lexemes with folding off)}"""
    words = sorted(words)
    q = "select i, coalesce((select string_agg(lexeme, ' ' order by lexeme) from unnest(to_tsvector('ar', word))), '') from w order by i;\n"
    with tempfile.NamedTemporaryFile('w', suffix='.sql', delete=False, encoding='utf-8') as t:
        t.write("create temp table w(i int, word text);\ncopy w from stdin;\n")
        for i, w in enumerate(words):
            t.write(f"{i}\t{w}\n")
        t.write("\\.\n")
        t.write(q)
        t.write("begin;\nalter text search dictionary ar_stem (LoanwordFolding = off);\n")
        t.write(q)
        t.write("rollback;\n")
    r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', *pargs, '-f', t.name],
                       capture_output=True, text=True)
    os.unlink(t.name)
    if r.returncode:
        sys.exit(r.stderr)
    lines = r.stdout.splitlines()
    assert len(lines) == 2 * len(words), 'unexpected psql output'
    on = {words[int(i)]: s for i, s in (l.split('\t', 1) for l in lines[:len(words)])}
    off = {words[int(i)]: s for i, s in (l.split('\t', 1) for l in lines[len(words):])}
    return {w: (on[w], off[w]) for w in words}


def similar(a, b, ar2lat):
    """Are some Latin tokens of a and b near neighbours? (ratio is not symmetric: both orders)"""
    return max(max(difflib.SequenceMatcher(None, x, y).ratio(), difflib.SequenceMatcher(None, y, x).ratio())
               for x in ar2lat[a] for y in ar2lat[b]) >= 0.6


def score(name, lat2ar, ar2lat, lex):
    lats = [l for l in lat2ar if half(l) == name]
    words = {a for l in lats for a in lat2ar[l]}
    pos = hit_on = hit_off = 0
    for l in lats:
        a = sorted(lat2ar[l])
        for i in range(len(a)):
            for j in range(i + 1, len(a)):
                pos += 1
                hit_on += bool(lex[a[i]][0]) and lex[a[i]][0] == lex[a[j]][0]
                hit_off += bool(lex[a[i]][1]) and lex[a[i]][1] == lex[a[j]][1]
    res = {}
    for k, label in ((0, 'on'), (1, 'off')):
        groups = collections.defaultdict(list)
        for a in words:
            if lex[a][k]:
                groups[lex[a][k]].append(a)
        tp = fp = amb = ntp = nfp = namb = 0
        for v in groups.values():
            for i in range(len(v)):
                for j in range(i + 1, len(v)):
                    new = k == 0 and lex[v[i]][1] != lex[v[j]][1]
                    if ar2lat[v[i]] & ar2lat[v[j]]:
                        tp += 1; ntp += new
                    elif similar(v[i], v[j], ar2lat):
                        amb += 1; namb += new
                    else:
                        fp += 1; nfp += new
        res[label] = (tp, fp, amb, ntp, nfp, namb)
    tp, fp, amb, ntp, nfp, namb = res['on']
    otp, ofp, oamb = res['off'][:3]
    touched = sum(1 for a in words if lex[a][0] != lex[a][1])
    print(f"{name}: latin_tokens={len(lats)} arabic_tokens={len(words)} variant_pairs={pos} "
          f"tokens_folded={touched}")
    print(f"  recall {hit_off / pos:.3f} -> {hit_on / pos:.3f}")
    print(f"  new pairs: tp={ntp} fp={nfp} amb={namb} precision={ntp / max(1, ntp + nfp):.3f}")
    print(f"  all pairs: precision {otp / max(1, otp + ofp):.4f} -> {tp / max(1, tp + fp):.4f} "
          f"(tp {otp} -> {tp}, fp {ofp} -> {fp})")
    return hit_off / pos, hit_on / pos, ntp / max(1, ntp + nfp)


def main():
    args = sys.argv[1:]
    which = 'both'
    if len(args) >= 2 and args[0] == '--slice':
        which, args = args[1], args[2:]
    lat2ar, ar2lat = load_pairs()
    ordinary = {'PUD dev': conllu_words(PUD), 'own sentences': conllu_words(OWN)}
    allwords = set(ar2lat) | set().union(*ordinary.values())
    lex = lexemes(allwords, args)
    figs = {name: score(name, lat2ar, ar2lat, lex) for name in ('tune', 'report') if which in (name, 'both')}
    fig = figs.get('report') or figs.get('tune')
    for name, ws in ordinary.items():
        changed = sorted(w for w in ws if lex[w][0] != lex[w][1])
        print(f"{name}: word types={len(ws)} changed by the loanword path={len(changed)}")
        for w in changed:
            print(f"  {w}: {lex[w][1]} -> {lex[w][0]}")
    pud_changed = sum(1 for w in ordinary['PUD dev'] if lex[w][0] != lex[w][1])
    print(f"FIGURE slice={'report' if 'report' in figs else 'tune'} recall_off={fig[0]:.3f} recall_on={fig[1]:.3f} new_pair_precision={fig[2]:.3f} "
              f"pud_changed={pud_changed}")


if __name__ == '__main__':
    main()
