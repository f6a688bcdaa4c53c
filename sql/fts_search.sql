-- Full-text search with the ar configuration: parser, stemming, matching,
-- index use, headline, ranking.  All sentences are written for this test.
SET client_min_messages = warning;

-- the parser's token types (ids follow the default parser where headline needs it)
SELECT * FROM ts_token_type('ar_parser');
SELECT alias, token, dictionary, lexemes
  FROM ts_debug('ar', 'قال الوزير: «سنبني 12 مدرسة» في Riyadh!');

-- the stems behind the everyday cases
SELECT w, ar_stem(w) AS stem
  FROM unnest(ARRAY['مدرسة', 'والمدرسة', 'بالمدارس', 'المدارس', 'للافروف', 'لافروف',
                    'مسئولين', 'المسؤولون', 'مسؤول', 'عقوبة', 'بالعقوبات', 'وزير',
                    'والوزير', 'لوزير', 'وزارة', 'الوزارات', 'بيروت', 'لبوتين',
                    'الولايات', 'الأمريكي', 'الأميركي', 'روسيّة', 'الروسية',
                    'حكومته', 'الحكومات', 'الحكومية', 'يعملون', 'الاجتماعات']) AS w;
-- the built-in arabic stemmer, for comparison: it cuts وزير to زير
SELECT ts_lexize('arabic_stem', 'وزير') AS arabic, ts_lexize('ar_stem', 'وزير') AS ar;
-- ar_stem() is ts_lexize('ar_stem', ...) for every word; NULL for a stopword
SELECT count(*) AS disagreements
  FROM unnest(ARRAY['مدرسة', 'بالمدارس', 'للافروف', 'في', 'وفي', 'ـــ', '٢٠١٧', 'وزير']) AS w
 WHERE ar_stem(w) IS DISTINCT FROM (ts_lexize('ar_stem', w))[1];
SELECT ar_stem('في') AS stopword, ts_lexize('ar_stem', 'في') AS lexize, ar_stem(NULL) AS null_in;

CREATE TABLE fts_docs (id int PRIMARY KEY, body text);
INSERT INTO fts_docs VALUES
 (1, 'افتتح الوزير والمدرسة الجديدة تستقبل طلابها في الصباح.'),
 (2, 'تبرعت الشركة بأجهزة حاسوب بالمدارس الحكومية في المنطقة الشرقية.'),
 (3, 'التقى وزير الخارجية الأمريكي بنظيره الروسي لافروف في موسكو.'),
 (4, 'وجّه الصحفيون أسئلة للافروف عن المفاوضات النووية.'),
 (5, 'قال المسؤولون إن الاجتماع سيعقد الأسبوع المقبل.'),
 (6, 'فرض الاتحاد الأوروبي عقوبة جديدة على الشركات المخالفة.'),
 (7, 'هدد البرلمان بالعقوبات الاقتصادية إذا استمر النزاع.'),
 (8, 'زار وزير الخارجية بيروت والتقى رئيس الحكومة.'),
 (9, 'يلعب الفريق مباراته الأخيرة في الملعب الرئيسي.'),
 (10, 'The minister visited schools in Riyadh in 2017 and ١٩٩٩.');

-- each query with the ids it finds
SELECT q, array_agg(id ORDER BY id) AS found
  FROM (VALUES ('مدرسة'), ('للافروف'), ('لافروف'), ('مسئولين'), ('عقوبة'),
               ('وزير'), ('الوزارة'), ('ministers'), ('2017'), ('١٩٩٩')) AS v(q)
  LEFT JOIN fts_docs ON to_tsvector('ar', body) @@ plainto_tsquery('ar', q)
 GROUP BY q ORDER BY q COLLATE "C";   -- code-point order, the same in every locale

-- a GIN index on to_tsvector('ar', body) is used
CREATE INDEX fts_docs_gin ON fts_docs USING gin (to_tsvector('ar', body));
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM fts_docs WHERE to_tsvector('ar', body) @@ websearch_to_tsquery('ar', 'وزير الخارجية');
SELECT websearch_to_tsquery('ar', 'وزير الخارجية') AS q1,
       websearch_to_tsquery('ar', '"وزير الخارجية" -موسكو') AS q2,
       websearch_to_tsquery('ar', 'المدارس or العقوبات') AS q3;
SELECT id FROM fts_docs WHERE to_tsvector('ar', body) @@ websearch_to_tsquery('ar', 'وزير الخارجية') ORDER BY id;
SELECT id FROM fts_docs WHERE to_tsvector('ar', body) @@ websearch_to_tsquery('ar', '"وزير الخارجية" -موسكو') ORDER BY id;
RESET enable_seqscan;

-- ranking: documents with both words rank above the one with only وزير
SELECT id, round(ts_rank(to_tsvector('ar', body), q)::numeric, 4) AS rank,
       round(ts_rank_cd(to_tsvector('ar', body), q)::numeric, 4) AS rank_cd
  FROM fts_docs, to_tsquery('ar', 'وزير | الخارجية') q
 WHERE to_tsvector('ar', body) @@ q
 ORDER BY rank DESC, id;

-- highlighting: the surface forms are marked, punctuation kept
SELECT id, ts_headline('ar', body, plainto_tsquery('ar', 'مدرسة'), 'StartSel=[, StopSel=]') AS headline
  FROM fts_docs WHERE id IN (1, 2);
SELECT ts_headline('ar', body, to_tsquery('ar', 'لافروف'), 'StartSel=<<, StopSel=>>, MaxWords=5, MinWords=2') AS short
  FROM fts_docs WHERE id = 4;
SELECT ts_headline('ar', body, to_tsquery('ar', 'عقوبة'), 'MaxFragments=1, MaxWords=4, MinWords=1') AS fragment
  FROM fts_docs WHERE id = 7;

-- normalization: diacritics, tatweel, hamza seats, alef variants, digits
SELECT to_tsvector('ar', 'روسيّة') = to_tsvector('ar', 'روسية') AS diacritics,
       to_tsvector('ar', 'الجمـــيل') = to_tsvector('ar', 'الجميل') AS tatweel,
       to_tsvector('ar', 'مسؤول') = to_tsvector('ar', 'مسئول') AS hamza,
       to_tsvector('ar', 'إسرائيل') = to_tsvector('ar', 'اسرائيل') AS alef,
       to_tsvector('ar', '٢٠١٧') = to_tsvector('ar', '2017') AS digits,
       to_tsvector('ar', 'ﻻ ﺗﻨﺴﻰ') AS presentation_forms;

-- stopwords leave gaps in positions but no lexemes
SELECT to_tsvector('ar', 'وفي هذا العام لم يكن هناك اجتماع');
-- prepositions with pronouns, and a bare clitic chain before a Latin name
SELECT to_tsvector('ar', 'وقف ضدنا وبينهما والـ BBC');

-- customize: copy the configuration, then change a mapping
CREATE TEXT SEARCH CONFIGURATION mine (COPY = ar);
ALTER TEXT SEARCH CONFIGURATION mine ALTER MAPPING FOR latin WITH simple;
SELECT to_tsvector('mine', 'الوزراء Ministers') AS mine, to_tsvector('ar', 'الوزراء Ministers') AS ar;
DROP TEXT SEARCH CONFIGURATION mine;

-- exact mode keeps diacritics: كَتَبَ (he wrote) is not كُتُب (books)
SELECT to_tsvector('ar_exact', 'كَتَبَ الكُتُبَ') AS exact,
       to_tsvector('ar_exact', 'كَتَبَ') @@ to_tsquery('ar_exact', 'كُتُب') AS exact_match,
       to_tsvector('ar', 'كَتَبَ') @@ to_tsquery('ar', 'كُتُب') AS ar_match,
       to_tsvector('ar_exact', 'الرَّحْمَـٰنِ ﷲ') AS tatweel_and_ligature,
       to_tsvector('ar_exact', 'فِيهِۛ') @@ to_tsquery('ar_exact', 'فِيهِ') AS quranic_pause_mark;

-- a nisba adjective of a listed place also yields the place: a query for إيران finds الإيراني,
-- a query for the adjective still asks for the adjective; personal names give no second lexeme
SELECT to_tsvector('ar', 'البرنامج النووي الإيراني والقوات الروسية العثمانية') AS nisba,
       to_tsvector('ar', 'البرنامج النووي الإيراني') @@ plainto_tsquery('ar', 'إيران') AS place_finds_adjective,
       to_tsvector('ar', 'زار إيران') @@ plainto_tsquery('ar', 'الإيراني') AS adjective_finds_place,
       to_tsvector('ar', 'البرنامج النووي الإيراني') @@ websearch_to_tsquery('ar', '"النووي الإيراني"') AS phrase,
       to_tsvector('ar', 'أسلحة كيماوية') @@ plainto_tsquery('ar', 'الأسلحة الكيميائية') AS spelling_variant;

-- why a word matched
SELECT * FROM ar_analyze('قال المسئولون للافروف إنّ العقوبات على الشركات ٣ Sanctions.');
SELECT count(*) FROM ar_analyze('');
-- a second lexeme at the same position gets a row of its own (rule place): why إيران finds الإيراني
SELECT pos, token, prefix, stem, suffix, rule FROM ar_analyze('النووي الإيراني والتركية');

DROP TABLE fts_docs;
