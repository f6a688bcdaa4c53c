-- pg_arabic demo, run by `bash test/run.sh demo` against the sample corpus (table articles).
\pset pager off
CREATE EXTENSION IF NOT EXISTS pg_arabic;

\echo '--- 1. normalization: spelling variants fold together (search profile)'
SELECT w AS word, ar_normalize(w) AS search_form
FROM unnest(ARRAY['مسؤول', 'مسئول', 'الأمريكي', 'الأميركي', 'الروسيّة', 'الـمؤتـمـر', 'شيء', 'شئ', '٢٧٫٢٥٪', 'ﻻ']) AS w;

\echo '--- 2. the clean profile keeps diacritics and hamza, repairs entity debris'
SELECT ar_normalize('قال الخبير إن &quot;القرار كان متوقعاً&quot; ـــ', 'clean') AS clean;

\echo '--- 3. per-rule control'
SELECT rule, in_search, in_clean FROM ar_normalize_rules();
SELECT ar_normalize('مدرسة إلى ٣', 'search,-teh_marbuta') AS without_teh_marbuta,
       ar_normalize('مدرسة إلى ٣', 'none,digits') AS digits_only;

\echo '--- 4. tokenization with character offsets'
SELECT t.* FROM articles a, ar_tokenize(a.body) t WHERE a.id = 2 AND t.pos <= 12;

\echo '--- 5. dates, normalized to ISO 8601 / TIMEX3 (resolved against each article''s publication date)'
SELECT a.id, d.expression, d.value
FROM articles a, ar_dates(a.body, a.published) d
ORDER BY a.id, d.start_pos;

\echo '--- 6. who said what'
SELECT a.id, q.speaker, left(q.quote, 60) AS quote
FROM articles a, ar_quotes(a.body) q
ORDER BY a.id, q.start_pos;
