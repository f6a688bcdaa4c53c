"""Shared by the seed-article query scripts (names_seeds.py, fts_seeds.py; psql also by
names_display_eval.py): the articles of
$PGARABIC_SHARED/data/seeds loaded into a temporary table s(id, body) (id = the first three
characters of the file name; read at run time, never copied into the project), psql, and the
precision/recall/F1 of a returned article set."""
import os, subprocess, sys


def psql(sql, who, default_db):
    """Run sql through psql (PGDATABASE or default_db); exit with who's name on failure."""
    db = os.environ.get('PGDATABASE', default_db)
    r = subprocess.run(['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-d', db, '-f', '-'],
                       input=sql, capture_output=True, text=True)
    if r.returncode:
        sys.exit('%s: psql failed: %s' % (who, r.stderr.strip()))
    return r.stdout


def quote(s):
    """s as a dollar-quoted SQL literal."""
    tag = '$seed_text$'
    assert tag not in s
    return tag + s + tag


def load_articles(argv):
    """SQL that creates and fills s(id, body) from argv[1] or the shared seeds; and the article count."""
    shared = os.environ.get('PGARABIC_SHARED', os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared'))
    d = argv[1] if len(argv) > 1 else os.path.join(shared, 'data', 'seeds')
    files = sorted(f for f in os.listdir(d) if f.endswith('.txt')) if os.path.isdir(d) else []
    if not files:
        sys.exit('MISSING: no seed articles in %s (set PGARABIC_SHARED to the shared data directory)' % d)
    sql = ['CREATE TEMP TABLE s(id text, body text);']
    for f in files:
        sql.append('INSERT INTO s VALUES (%s, %s);' % (quote(f[:3]), quote(open(os.path.join(d, f), encoding='utf-8').read())))
    return sql, len(files)


def score(gold, got):
    """Precision, recall and F1 of the returned article set got against the gold set."""
    tp = len(gold & got)
    p = tp / len(got) if got else 0.0
    r = tp / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
