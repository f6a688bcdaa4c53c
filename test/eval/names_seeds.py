#!/usr/bin/env python3
"""Name queries over the seed articles with the ar_names configuration.

Usage: names_seeds.py [SEEDS_DIR]   (default $PGARABIC_SHARED/data/seeds; psql uses PGHOST/PGPORT/PGUSER,
PGDATABASE or 'postgres'; the database needs the pg_arabic extension)

Each query is a Latin-script or a variant Arabic spelling of a person or place; its gold set is the
articles that mention that person or place (in any spelling), established by reading the articles.
For every query, prints the articles that
  to_tsvector('ar_names', body) @@ plainto_tsquery('ar_names', query)
returns, precision, recall and F1, then the mean F1.  Also counts the Arabic tokens of the articles
for which ar_untranslit(ar_translit(t, scheme), scheme) <> t (buckwalter and safe_buckwalter).
The articles are read at run time and never copied into the project."""
import sys

from seeds_sql import load_articles, psql, quote, score

# query -> article numbers (the first three characters of the seed file names)
QUERIES = {
    # Latin-script names
    'Putin': '000 001 002 003 004', 'Vladimir Putin': '000 001 002 003', 'Tillerson': '000 001 002',
    'Rex Tillerson': '000 001 002', 'Lavrov': '000 001 002 004', 'Sergei Lavrov': '000 001 002 004',
    'Trump': '000 001 002 004', 'Donald Trump': '001 004', 'Obama': '003', 'Mogherini': '000',
    'Haley': '000', 'Biden': '004', 'Blinken': '004', 'Navalny': '004', 'Ryabkov': '004',
    'Reykjavik': '004', 'Mattis': '001', 'Kerry': '003', 'Zarif': '000', 'de Mistura': '000',
    'Moscow': '000 001 002 003 004', 'Washington': '000 001 002 003 004', 'Idlib': '000',
    'Khan Shaykhun': '000 001 002', 'Kremlin': '000 003 004', 'Xinhua': '002', 'Berlin': '004',
    'Afghanistan': '001 002 004', 'Libya': '001 002', 'Iran': '003',
    # other Arabic spellings of the same names
    'بوتن': '000 001 002 003 004', 'تيليرسون': '000 001 002', 'لاڤروف': '000 001 002 004',
    'موغريني': '000', 'كريملين': '000 003 004', 'نافالنی': '004', 'أوبامه': '003',
    'بلنكن': '004', 'ريابكوڤ': '004', 'ماتيز': '001',
}


def main():
    sql, nfiles = load_articles(sys.argv)
    for q in QUERIES:
        sql.append("SELECT %s || '|' || coalesce(string_agg(id, ' ' ORDER BY id), '') FROM s "
                   "WHERE to_tsvector('ar_names', body) @@ plainto_tsquery('ar_names', %s);" % (quote(q), quote(q)))
    sql.append("SELECT 'roundtrip|' || count(*) || '|' || count(*) FILTER (WHERE ar_untranslit(ar_translit(token)) <> token) "
               "|| '|' || count(*) FILTER (WHERE ar_untranslit(ar_translit(token, 'safe_buckwalter'), 'safe_buckwalter') <> token) "
               "FROM s, ar_tokenize(body) WHERE kind = 'arabic';")
    out = psql('\n'.join(sql), 'names_seeds', 'postgres').splitlines()
    f1s = []
    for line in out:
        q, got = line.rsplit('|', 1) if not line.startswith('roundtrip|') else (None, None)
        if q is None:
            _, n, bw, safe = line.split('|')
            print('buckwalter round trip: %s Arabic tokens, %s failures (buckwalter), %s failures (safe_buckwalter)' % (n, bw, safe))
            rt_fail = int(bw) + int(safe)
            continue
        gold = set(QUERIES[q].split())
        got = set(got.split())
        p, r, f1 = score(gold, got)
        f1s.append(f1)
        print('%-18s P %.2f R %.2f F1 %.2f  got [%s] gold [%s]' % (q, p, r, f1, ' '.join(sorted(got)), ' '.join(sorted(gold))))
    print('names_seeds: %d queries over %d articles, mean F1 %.4f' % (len(f1s), nfiles, sum(f1s) / len(f1s)))
    print('names_seeds: round-trip failures %d' % rt_fail)


if __name__ == '__main__':
    main()
