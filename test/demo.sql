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

\echo '--- 7. full-text search with the ar configuration (clitics, hamza spellings, broken plurals)'
SELECT w AS word, ar_stem(w) AS stem
FROM unnest(ARRAY['وزير', 'والمصالح', 'لبلينكن', 'بالمدارس', 'مسئولين', 'المسؤولون', 'بالعقوبات']) AS w;
CREATE INDEX articles_fts ON articles USING gin (to_tsvector('ar', title || ' ' || body));
SELECT q AS query, id, title
FROM unnest(ARRAY['وزير الخارجية', 'مسؤولية', 'المدرسة', 'بلينكن', 'أسعار الفائدة']) AS q,
     articles
WHERE to_tsvector('ar', title || ' ' || body) @@ websearch_to_tsquery('ar', q)
ORDER BY q, ts_rank_cd(to_tsvector('ar', title || ' ' || body), websearch_to_tsquery('ar', q)) DESC;
SELECT id, ts_headline('ar', body, websearch_to_tsquery('ar', 'مسئول روسي'),
                       'MaxFragments=1, MaxWords=12, MinWords=5') AS headline
FROM articles WHERE to_tsvector('ar', title || ' ' || body) @@ websearch_to_tsquery('ar', 'مسئول روسي');
SELECT * FROM ar_analyze('وقال مسئولون أمريكيون للصحفيين إن العقوبات ستستمر');

\echo '--- 8. named entities with canonical forms (clitics stripped, spellings unified, surnames grouped)'
SELECT a.id, e.entity, e.label, e.canonical, round(e.score::numeric, 2) AS score
FROM articles a, ar_entities(a.body) e
WHERE a.id IN (1, 3)
ORDER BY a.id, e.start_pos;

\echo '--- 9. the most mentioned people and organisations of the corpus'
SELECT e.canonical, e.label, count(*) AS mentions, count(DISTINCT a.id) AS articles
FROM articles a, ar_entities(a.body) e
WHERE e.label IN ('PER', 'ORG')
GROUP BY 1, 2 ORDER BY mentions DESC, 1 LIMIT 10;

\echo '--- 10. the gazetteer is user-editable: a new name is seen by the next statement'
INSERT INTO ar_gazetteer(surface, label, canonical) VALUES ('القحطاني', 'PER', 'سارة القحطاني');
SELECT e.entity, e.label, e.canonical FROM ar_entities('أكدت القحطاني أن المؤتمر ناجح') e;
DELETE FROM ar_gazetteer WHERE origin = 'user';

\echo '--- 11. articles that mention a person or place, through a GIN index on the entity keys'
CREATE INDEX articles_entities ON articles USING gin (ar_entity_keys(body));
SELECT id, title FROM articles WHERE ar_entity_keys(body) @> ar_entity_keys('موسكو') ORDER BY id;
