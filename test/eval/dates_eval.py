#!/usr/bin/env python3
"""DATE exact-span evaluation of ar_dates() on Wojood (nested BIO, `token TAG [TAG...]`).

Each sentence is rebuilt by joining its tokens with single spaces and sent to a
live server running pg_arabic; a predicted expression counts when its character
span equals a gold DATE span exactly (any nesting level).  Prints P/R/F1 per file.

usage: test/eval/dates_eval.py [--errors N] FILE... [-- PSQL-ARGS...]
  e.g. test/eval/dates_eval.py ../shared/data/wojood/train.txt ../shared/data/wojood/val.txt
       (psql connection from PGHOST/PGPORT/PGUSER, or pass psql arguments after --)
"""
import os
import subprocess
import sys


def read_conll(path):
    sents, cur = [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            cur.append((parts[0], parts[1:]))
    if cur:
        sents.append(cur)
    return sents


def gold_spans(sent, typ='DATE'):
    """Token spans [a, b) of every `typ` entity, at any nesting level."""
    res, start = [], None
    for i, (_, tags) in enumerate(sent):
        if 'B-' + typ in tags:
            if start is not None:
                res.append((start, i))
            start = i
        elif 'I-' + typ not in tags and start is not None:
            res.append((start, i))
            start = None
        elif 'I-' + typ in tags and start is None:
            start = i
    if start is not None:
        res.append((start, len(sent)))
    return res


def copy_escape(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')


def run_psql(texts, psql_args):
    script = ['\\set ON_ERROR_STOP 1',
              'CREATE TEMP TABLE eval_s(id int, t text);',
              'COPY eval_s FROM STDIN;']
    script += ['%d\t%s' % (i, copy_escape(t)) for i, t in enumerate(texts)]
    script += ['\\.',
               'SELECT s.id, d.start_pos, d.length, d.value FROM eval_s s, '
               'ar_dates(s.t) d ORDER BY s.id, d.start_pos;']
    p = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-F', '\t'] + psql_args,
                       input='\n'.join(script) + '\n', capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit('dates_eval: psql failed (%d): %s' % (p.returncode, p.stderr.strip()))
    pred = set()
    for line in p.stdout.splitlines():
        if line.strip():
            sid, st, ln, _ = line.split('\t', 3)
            pred.add((int(sid), int(st) - 1, int(st) - 1 + int(ln)))
    return pred


def main():
    args = sys.argv[1:]
    psql_args = []
    if '--' in args:
        k = args.index('--')
        args, psql_args = args[:k], args[k + 1:]
    nerr = 0
    if args[:1] == ['--errors']:
        nerr = int(args[1])
        args = args[2:]
    if not args:
        sys.exit(__doc__)
    tot = [0, 0, 0]
    for path in args:
        if not os.path.isfile(path):
            sys.exit('dates_eval: missing evaluation file %s (the Wojood data lives in ../shared/data/wojood)' % path)
        sents = read_conll(path)
        if not sents:
            sys.exit('dates_eval: no sentences in %s' % path)
        texts, gold = [], set()
        for si, s in enumerate(sents):
            offs, pos = [], 0
            for tok, _ in s:
                offs.append(pos)
                pos += len(tok) + 1
            texts.append(' '.join(t for t, _ in s))
            for a, b in gold_spans(s):
                gold.add((si, offs[a], offs[b - 1] + len(s[b - 1][0])))
        pred = run_psql(texts, psql_args)
        tp = len(gold & pred)
        p = tp / len(pred) if pred else 0.0
        r = tp / len(gold) if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print('%s: sentences=%d gold=%d predicted=%d correct=%d P=%.3f R=%.3f F1=%.3f'
              % (os.path.basename(path), len(sents), len(gold), len(pred), tp, p, r, f))
        for tag, errs in (('missed', sorted(gold - pred)), ('spurious', sorted(pred - gold))):
            for sid, a, b in errs[:nerr]:
                print('  %s: %s   <<%s>>' % (tag, texts[sid][a:b], texts[sid][max(0, a - 25):b + 25]))
        tot[0] += len(gold)
        tot[1] += len(pred)
        tot[2] += tp
    if len(args) > 1:
        p = tot[2] / tot[1] if tot[1] else 0.0
        r = tot[2] / tot[0] if tot[0] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print('all: gold=%d predicted=%d correct=%d P=%.3f R=%.3f F1=%.3f' % (tot[0], tot[1], tot[2], p, r, f))


if __name__ == '__main__':
    main()
