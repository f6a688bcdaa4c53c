#!/usr/bin/env python3
"""root_eval.py: precision and coverage of ar_root(word) against a live server.

Usage: test/eval/root_eval.py [-v] [psql args...]   (PGHOST/PGPORT/PGUSER as for psql;
       PGARABIC_SHARED or ../shared for data/pud/dev.conllu)

Gold: test/eval/root_gold.tsv (own list: word, root; an empty root means the word has none
that ar_root should give: function words, loanwords, names).  The halves were fixed before
any tuning: the N-th data line is in the tuning half when N is odd, in the report half when
N is even.  The rules of src/core/ar_root.c were chosen looking at the tuning half only.
  precision  correct roots among the non-NULL answers (an answer for a word without a root
             counts as wrong);
  coverage   non-NULL answers among the words of the half.
PUD: the share of the distinct Arabic word forms of the PUD dev treebank that get a root
(coverage only: PUD has no roots).  -v lists the wrong answers and the NULLs of the tuning
half (never of the report half).  Last line: FIGURE ... (report half and PUD)."""
import os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from loan_eval import PUD, conllu_words  # noqa: E402  (the PUD word forms, read the same way)

GOLD = os.path.join(here, 'root_gold.tsv')


def psql_roots(words, args):
    """ar_root of each word, in order ('' for NULL), in one psql session."""
    sql = ["\\pset format unaligned", "\\pset tuples_only on", "\\pset null ''",
           "CREATE TEMP TABLE _w (i int, w text);", "COPY _w FROM STDIN;"]
    body = '\n'.join('%d\t%s' % (i, w.replace('\\', '\\\\')) for i, w in enumerate(words))
    script = '\n'.join(sql) + '\n' + body + '\n\\.\n' + \
        "SELECT i, ar_root(w) FROM _w ORDER BY i;\n"
    out = subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1'] + args, input=script,
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit('root_eval: psql failed: ' + out.stderr.strip())
    res = [''] * len(words)
    for line in out.stdout.splitlines():
        i, _, r = line.partition('|')
        if i.strip().isdigit():
            res[int(i)] = r.strip()
    return res


def main():
    verbose = '-v' in sys.argv[1:]
    args = [a for a in sys.argv[1:] if a != '-v']
    gold = []
    with open(GOLD, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            w, _, r = line.rstrip('\n').partition('\t')
            gold.append((w, r))
    pud = sorted(conllu_words(PUD))
    got = psql_roots([w for w, _ in gold] + pud, args)
    figs = {}
    for half, parity in (('tune', 1), ('report', 0)):
        idx = [i for i in range(len(gold)) if (i + 1) % 2 == parity]
        answered = [i for i in idx if got[i]]
        correct = [i for i in answered if got[i] == gold[i][1]]
        prec = len(correct) / len(answered) if answered else 0.0
        cov = len(answered) / len(idx)
        figs[half] = (prec, cov)
        print('%-6s words %3d  answered %3d  correct %3d  precision %.3f  coverage %.3f' %
              (half, len(idx), len(answered), len(correct), prec, cov))
        if verbose and half == 'tune':
            for i in answered:
                if got[i] != gold[i][1]:
                    print('  wrong: %s -> %s (gold %s)' % (gold[i][0], got[i], gold[i][1] or 'none'))
            print('  NULL: ' + ' '.join(gold[i][0] for i in idx if not got[i]))
    pud_got = got[len(gold):]
    pud_cov = sum(1 for r in pud_got if r) / len(pud) if pud else 0.0
    print('PUD dev: %d distinct Arabic word forms, %d with a root, coverage %.3f' % (len(pud), round(pud_cov * len(pud)), pud_cov))
    print('FIGURE report_precision=%.3f report_coverage=%.3f tune_precision=%.3f tune_coverage=%.3f '
          'pud_coverage=%.3f' % (figs['report'] + figs['tune'] + (pud_cov,)))


if __name__ == '__main__':
    main()
