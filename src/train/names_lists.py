#!/usr/bin/env python3
"""Turn the shared name lists (../shared/data/names, see its README) into the tagger's lists.

    python3 src/train/names_lists.py NAMES_DIR FOLD_PROGRAM OUT_DIR

`make names-lists` runs it.  Writes, in the trainer's gazetteer line format
(surface TAB label TAB canonical TAB origin), every surface folded by FOLD_PROGRAM
(src/train/names_fold: the tagger's own folding, AR_NER_FOLD, the search rules that act on single code points):

  names_tokens.tsv      one-word names for membership features (`ner_train -n`): the origin
                        column holds the kind of list (wd, tr, per_last, loc, nat,
                        org, misc; see src/core/ar_ner_names.h), one line per token and kind;
  gaz_names_people.tsv  full names of listed people (PER), for the gazetteer (`ner_train -c`);
  gaz_names_places.tsv  places of two words or more (LOC);
  gaz_names_clubs.tsv   sports clubs (ORG) and leagues, cups and tournaments (MISC).

Sources and licences: wikidata_person_name_tokens.tsv (CC0 1.0), wikipedia_name_transliterations
_ar_en.tsv (Apache 2.0), cldr_ar_names.tsv (Unicode-DFS-2016), arwikicats_titles.tsv (MIT).
The ordinary-word ratio of each token is not stored here: the trainer counts it in the training
split (jack-knifed by fold) and writes it into the model.  Deterministic: same input, same output.
"""
import os
import re
import subprocess
import sys

ARABIC_WORD = re.compile(r'^[\u0621-\u064A\u0671-\u06D3]{2,}$')
# generic words that start or end club names: the rest of the title is the name
CLUB_HEAD = ('نادي', 'فريق', 'اتحاد', 'النادي')
CLUB_TAIL = ('لكرة القدم', 'لكره القدم', 'الرياضي', 'الرياضي الثقافي', 'لكرة السلة')
# words that make a title a description, not a name
NOT_NAME = re.compile(r'[0-9٠-٩/:,،«»"]')


def read_tsv(path):
    """Rows of a TSV file with a header line, as lists of fields."""
    with open(path, encoding='utf-8') as f:
        next(f)
        for line in f:
            fields = line.rstrip('\n').split('\t')
            if fields and fields[0]:
                yield fields


def clean_title(t):
    """A title without its parenthesised qualifier and surplus spaces."""
    t = re.sub(r'\s*\([^)]*\)', '', t)
    return ' '.join(t.split())


def words_ok(t):
    """Whether every word of t is an Arabic word of two letters or more."""
    ws = t.split()
    return bool(ws) and all(ARABIC_WORD.match(w) for w in ws)


def fold_all(prog, texts):
    """The folded forms of texts, by the tagger's folding (one process for all)."""
    out = subprocess.run([prog], input='\n'.join(texts) + '\n', capture_output=True,
                         text=True, encoding='utf-8', check=True).stdout.split('\n')
    return dict(zip(texts, out))


def main():
    src, prog, outdir = sys.argv[1:4]
    tokens = set()          # (token, label, kind)
    rows = {'people': set(), 'places': set(), 'clubs': set()}

    for ar, _latin, _count in read_tsv(os.path.join(src, 'wikidata_person_name_tokens.tsv')):
        if ARABIC_WORD.match(ar):
            tokens.add((ar, 'PER', 'wd'))
    for fields in read_tsv(os.path.join(src, 'wikipedia_name_transliterations_ar_en.tsv')):
        if ARABIC_WORD.match(fields[0]):
            tokens.add((fields[0], 'PER', 'tr'))

    for kind, _code, ar in read_tsv(os.path.join(src, 'cldr_ar_names.tsv')):
        if kind not in ('territory', 'city', 'subdivision', 'currency'):
            continue
        t = clean_title(ar)
        if not words_ok(t):
            continue
        if kind == 'currency':
            if ' ' not in t:
                tokens.add((t, 'MISC', 'misc'))
        elif ' ' in t:
            rows['places'].add((t, 'LOC'))
        else:
            tokens.add((t, 'LOC', 'loc'))

    for kind, _en, ar in read_tsv(os.path.join(src, 'arwikicats_titles.tsv')):
        t = clean_title(ar)
        if NOT_NAME.search(t) or not words_ok(t):
            continue
        ws = t.split()
        if kind == 'person':
            if len(ws) >= 2:
                rows['people'].add((t, 'PER'))
                # first words (given names) measured no gain over wd and tr: not listed
                for w in ws[1:]:
                    tokens.add((w, 'PER', 'per_last'))
        elif kind in ('city', 'region', 'place', 'country'):
            if len(ws) == 1:
                tokens.add((t, 'LOC', 'loc'))
            elif len(ws) <= 4:
                rows['places'].add((t, 'LOC'))
        elif kind == 'nationality':
            if len(ws) == 1:
                tokens.add((t, 'MISC', 'nat'))
        elif kind == 'club':
            core = t
            for h in CLUB_HEAD:
                if core.startswith(h + ' '):
                    core = core[len(h) + 1:]
            for tl in CLUB_TAIL:
                if core.endswith(' ' + tl):
                    core = core[:-len(tl) - 1]
            if len(ws) >= 2:
                rows['clubs'].add((t, 'ORG'))
            if ' ' in core:
                rows['clubs'].add((core, 'ORG'))
            elif core:
                tokens.add((core, 'ORG', 'org'))
        elif kind == 'league':
            if len(ws) == 1:
                tokens.add((t, 'MISC', 'misc'))
            elif len(ws) <= 6:
                rows['clubs'].add((t, 'MISC'))

    texts = sorted({t for t, _, _ in tokens} |
                   {t for r in rows.values() for t, _ in r})
    folded = fold_all(prog, texts)
    header = ('# pg_arabic name lists, generated by `make names-lists` (src/train/names_lists.py) from\n'
              '# ../shared/data/names: Wikidata person-name tokens (CC0 1.0), Wikipedia name\n'
              '# transliterations (google/transliteration, Apache 2.0), Unicode CLDR 41 names\n'
              '# (Unicode-DFS-2016), typed Arabic Wikipedia titles (ArWikiCats, MIT).  Folded surfaces.\n')
    out = sorted({(folded[t], lab, kind) for t, lab, kind in tokens if folded[t]})
    with open(os.path.join(outdir, 'names_tokens.tsv'), 'w', encoding='utf-8') as f:
        f.write(header + '# surface, label, (no canonical), kind of list\n')
        for t, lab, kind in out:
            f.write(f'{t}\t{lab}\t\t{kind}\n')
    for name, rs in rows.items():
        # a place, club or person row whose folded form another list types differently is dropped
        out = sorted({(folded[t], lab) for t, lab in rs if folded[t]})
        with open(os.path.join(outdir, f'gaz_names_{name}.tsv'), 'w', encoding='utf-8') as f:
            f.write(header + '# surface, label, (no canonical), origin\n')
            for t, lab in out:
                f.write(f'{t}\t{lab}\t\tcurated\n')


if __name__ == '__main__':
    main()
