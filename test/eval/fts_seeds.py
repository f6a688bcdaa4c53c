#!/usr/bin/env python3
"""News queries over the seed articles: retrieval quality of the `ar` configuration.

Usage: fts_seeds.py [SEEDS_DIR]   (default $PGARABIC_SHARED/data/seeds; psql uses PGHOST/PGPORT/PGUSER
and PGDATABASE, default 'pg_arabic_eval', the UTF-8 database of test/eval/fts_db.sh: the built-in
`arabic` needs a UTF-8 ctype; the database needs the pg_arabic extension)

Each query is what a user of a news-monitoring product would type (people, places, organisations,
events, topics, multi-word terms, verbs, plurals, hamza/ya/ta-marbuta spelling variants, a few
websearch_to_tsquery forms).  Its gold set is the articles that are about or mention what the query
asks for, in any wording of the same word (inflection, clitics, spelling), established by reading
the articles; a synonym in other words does not count.  For every query, for `ar` and the built-in
`arabic`, prints the articles that
  to_tsvector(CFG, body) @@ plainto_tsquery(CFG, query)      (mode p)
  to_tsvector(CFG, body) @@ websearch_to_tsquery(CFG, query) (mode w)
returns, precision, recall and F1 (no article returned: P 0, F1 0), then the mean F1 of each half.
The halves were fixed before any change to the stemmer was measured with them: T (tuning: look at
its failures) and R (report: the figure to quote, not looked at per query while changing code).
The articles are read at run time and never copied into the project.  Last line:
  FIGURE seeds_tune_F1=... seeds_report_F1=... seeds_tune_F1_arabic=... seeds_report_F1_arabic=..."""
import sys

from seeds_sql import load_articles, psql, quote, score

# (query, mode, half, gold article numbers = the first three characters of the seed file names)
QUERIES = [
    ('وزير الخارجية', 'p', 'T', '000 001 002 003 004'),
    ('وزراء الخارجية', 'p', 'R', '000 001 002 003 004'),
    ('الرئيس الروسي', 'p', 'T', '000 001 002 003 004'),
    ('بوتين', 'p', 'R', '000 001 002 003 004'),
    ('لافروف', 'p', 'T', '000 001 002 004'),
    ('تيلرسون', 'p', 'R', '000 001 002'),
    ('الهجوم الكيميائي', 'p', 'T', '000 001 002'),
    ('الأسلحة الكيميائية', 'p', 'R', '001 002'),
    ('مجلس الأمن', 'p', 'T', '000 001 003'),
    ('الفيتو', 'p', 'R', '000 001 002'),
    ('مشروع قرار', 'p', 'T', '000 001 002'),
    ('عقوبات', 'p', 'R', '003 004'),
    ('فرض عقوبات', 'p', 'T', '003 004'),
    ('خان شيخون', 'p', 'R', '000 001 002'),
    ('بشار الأسد', 'p', 'R', '000 001 003'),
    ('الإرهاب', 'p', 'T', '000 001 002'),
    ('العلاقات الروسية الأمريكية', 'p', 'R', '000 001 002 003 004'),
    ('تطبيع العلاقات', 'p', 'T', '000 001'),
    ('الحرب الأهلية', 'p', 'R', '003'),
    ('أوكرانيا', 'p', 'T', '001 004'),
    ('كوريا الشمالية', 'p', 'R', '003 004'),
    ('إيران', 'p', 'T', '000 003 004'),
    ('النووي', 'p', 'R', '002 004'),
    ('قاعدة جوية', 'p', 'T', '001 002'),
    ('صاروخي', 'p', 'R', '000 001 002'),
    ('الدبلوماسية', 'p', 'T', '000 004'),
    ('طرد الدبلوماسيين', 'p', 'R', '004'),
    ('المعارضة', 'p', 'T', '003 004'),
    ('اجتماعات', 'p', 'R', '001 002 004'),
    ('المحادثات', 'p', 'T', '000 001 002 003 004'),
    ('زيارة موسكو', 'p', 'R', '000 001 002 003'),
    ('أعرب', 'p', 'T', '000 001 003 004'),
    ('يطالب', 'p', 'R', '000 001 002'),
    ('تعاون', 'p', 'T', '000 001 002 003 004'),
    ('المسئولين', 'p', 'R', '000 001 002'),
    ('الولايات المتحده', 'p', 'T', '000 001 002 003 004'),
    ('ايران', 'p', 'R', '000 003 004'),
    ('الأميركي', 'p', 'T', '000 001 002 003 004'),
    ('قمة', 'p', 'R', '003 004'),
    ('مجموعة السبع', 'p', 'T', '001 004'),
    ('الأمم المتحدة', 'p', 'T', '000 001 002'),
    ('فرنسا', 'p', 'R', '001 002'),
    ('السفراء', 'p', 'T', '000 001'),
    ('الصحفيين', 'p', 'R', '001 004'),
    ('تصريح', 'p', 'T', '000 001 003'),
    ('أوباما', 'p', 'R', '003'),
    # websearch_to_tsquery forms: exclusion, phrase, OR
    ('بوتين -ترامب', 'w', 'T', '003'),
    ('"وزير الدفاع"', 'w', 'R', '001'),
    ('"مجلس الأمن" الفيتو', 'w', 'T', '000 001'),
    ('أوكرانيا or إدلب', 'w', 'R', '000 001 004'),
]


def main():
    sql, nfiles = load_articles(sys.argv)
    sql.append("SELECT 'ctype|' || datctype FROM pg_database WHERE datname = current_database();")
    fn = {'p': 'plainto_tsquery', 'w': 'websearch_to_tsquery'}
    for i, (q, mode, _, _) in enumerate(QUERIES):
        for cfg in ('ar', 'arabic'):
            sql.append("SELECT '%d|%s|' || coalesce(string_agg(id, ' ' ORDER BY id), '') FROM s "
                       "WHERE to_tsvector('%s', body) @@ %s('%s', %s);" % (i, cfg, cfg, fn[mode], cfg, quote(q)))
    out = psql('\n'.join(sql), 'fts_seeds', 'pg_arabic_eval').splitlines()
    got = {}
    for line in out:
        if line.startswith('ctype|'):
            ctype = line.split('|', 1)[1]
            if ctype in ('C', 'POSIX'):
                sys.exit('fts_seeds: database lc_ctype=%s; the built-in arabic needs a UTF-8 ctype (use the database of test/eval/fts_db.sh)' % ctype)
            continue
        i, cfg, ids = line.split('|')
        got[int(i), cfg] = set(ids.split())
    f1s = {}
    print('%-30s %-4s %s' % ('query', 'half', 'ar: P R F1 [returned]  |  arabic: P R F1 [returned]  |  gold'))
    for i, (q, mode, half, gold) in enumerate(QUERIES):
        gold = set(gold.split())
        cols = []
        for cfg in ('ar', 'arabic'):
            p, r, f1 = score(gold, got[i, cfg])
            f1s.setdefault((half, cfg), []).append(f1)
            cols.append('%.2f %.2f %.2f [%s]' % (p, r, f1, ' '.join(sorted(got[i, cfg]))))
        print('%-30s %s %s  |  %s  |  [%s]' % (q + (' (w)' if mode == 'w' else ''), half, cols[0], cols[1], ' '.join(sorted(gold))))
    mean = lambda k: sum(f1s[k]) / len(f1s[k])
    for half, name in (('T', 'tuning'), ('R', 'report')):
        print('fts_seeds: %s half, %d queries over %d articles: mean F1 ar %.4f, arabic %.4f'
              % (name, len(f1s[half, 'ar']), nfiles, mean((half, 'ar')), mean((half, 'arabic'))))
    print('FIGURE seeds_tune_F1=%.4f seeds_report_F1=%.4f seeds_tune_F1_arabic=%.4f seeds_report_F1_arabic=%.4f'
          % (mean(('T', 'ar')), mean(('R', 'ar')), mean(('T', 'arabic')), mean(('R', 'arabic'))))


if __name__ == '__main__':
    main()
