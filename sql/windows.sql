-- Long texts are processed in windows of pg_arabic.window_tokens tokens (memory bound):
-- the entities and quotations must equal those of whole-text processing.
-- Sentences written for this test; about 40,000 tokens once repeated.
SET client_min_messages = warning;
CREATE TEMP TABLE long_doc AS
SELECT string_agg(format(
  (ARRAY['قال وزير الخارجية %1$s سامح شكري «نحن ندعم الحوار بين الأطراف» في القاهرة يوم %2$s. ',
         'وأكد شكري للصحفيين أن المفاوضات مع الاتحاد الأوروبي ستستمر، مضيفا أن الوفد سيزور بروكسل. ',
         'وقالت الباحثة سارة القحطاني إن النتائج مشجعة، وأوضحت أن جامعة الملك سعود تدعم المشروع رقم %2$s. ',
         'وصرح المدير سعيد الحربي &quot;المشروع سيكتمل قريبا&quot; في مدينة جدة. ',
         'ووفقا للحربي، فإن شركة أرامكو ستوقع العقد في 9 نيسان 2024 مع مجموعة العشرين. ',
         E'وتابع الوزير: إن التعاون مع الأمم المتحدة ضروري.\n',
         'واستقبل الرئيس الفرنسي إيمانويل ماكرون نظيره في باريس، وقال ماكرون “لن نتراجع عن الإصلاح”. '])[1 + i % 7],
  (ARRAY['المصري', 'الأردني', 'التونسي'])[1 + i % 3], i), '') AS body
FROM generate_series(1, 2400) AS i;
SELECT count(*) > 30000 AS long_enough FROM long_doc, ar_tokenize(long_doc.body);
CREATE TEMP TABLE runs (window_tokens int, entities text, n_entities int, quotes text, n_quotes int);
CREATE FUNCTION pg_temp.run(w int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('pg_arabic.window_tokens', w::text, true);
  INSERT INTO runs
  SELECT w, e.h, e.n, q.h, q.n
  FROM (SELECT md5(string_agg(concat_ws('|', x.label, x.start_pos, x.length, x.canonical, x.score), ';'
                              ORDER BY x.start_pos, x.label)) AS h, count(*) AS n
          FROM long_doc, ar_entities(long_doc.body) AS x) AS e,
       (SELECT md5(string_agg(concat_ws('|', y.speaker, y.start_pos, y.length), ';' ORDER BY y.start_pos)) AS h,
               count(*) AS n
          FROM long_doc, ar_quotes(long_doc.body) AS y) AS q;
END $$;
SELECT pg_temp.run(100000000);  -- one window: the whole text
SELECT pg_temp.run(16384);      -- the default
SELECT pg_temp.run(1024);       -- the smallest window
SELECT n_entities > 5000 AS many_entities, n_quotes > 1000 AS many_quotes,
       count(DISTINCT entities) = 1 AS entities_equal, count(DISTINCT quotes) = 1 AS quotes_equal,
       count(*) AS runs
FROM runs GROUP BY n_entities > 5000, n_quotes > 1000;
-- the setting has a floor
SET pg_arabic.window_tokens = 10;
RESET pg_arabic.window_tokens;
