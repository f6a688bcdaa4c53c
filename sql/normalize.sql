-- Normalization: every rule, every profile, edge cases, idempotence.
\pset null '<null>'
-- zero-width format characters (bidi marks, ZWJ, ZWNJ...) shown as <U+XXXX>: psql 16+ and 15
-- lay out columns holding them differently
CREATE FUNCTION pg_temp.vis(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(string_agg(CASE WHEN c ~ '[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]'
                                  THEN format('<U+%s>', upper(lpad(to_hex(ascii(c)), 4, '0'))) ELSE c END, '' ORDER BY n), '')
  FROM regexp_split_to_table(t, '') WITH ORDINALITY AS s(c, n) $$;

-- the rules and their profiles
SELECT rule, in_search, in_clean FROM ar_normalize_rules() ORDER BY rule COLLATE "C";

-- one rule at a time ('none,<rule>' is the same as '<rule>')
SELECT rule, pg_temp.vis(input) AS input, ar_normalize(input, rule) AS output
FROM (VALUES
  ('presentation_forms', 'ﻻ بأس، ﷲ أكبر، ﻷن'),
  ('diacritics',         'كَتَبَ الطَّالِبُ دَرْسًا'),
  ('quranic_marks',      'ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَۛ فِيهِۛ'),
  ('tatweel',            'مـــرحـــبا بالـجـمـيـع'),
  ('alef',               'أحمد وإبراهيم آمنا بٱلله'),
  ('hamza',              'المسؤول والمسئول عن كل شيء وشئ'),
  ('yeh',                'ذهب إلى المستشفى'),
  ('teh_marbuta',        'المدرسة الثانوية'),
  ('persian',            'کتاب یک خانۀ'),
  ('digits',             'عام ٢٠٢٤ و۱۴۰۳، بنسبة ٣٫٥٪ من ١٬٢٠٠'),
  ('bidi',               E'\u200Fنص\u200E مع \u202Bعلامات\u202C'),
  ('joiners',            E'كلمة\u200Cمنفصلة'),
  ('entities',           'قال &quot;نعم&quot; ثم quot;لاquot; &amp;quot;&amp;quot; &#1576;'),
  ('spaces',             E'  سطر   أول \t\r\nسطر ثان  ')
) AS t(rule, input);

-- rule names are case-insensitive and accept - for _
SELECT ar_normalize('مدرسة', 'Teh-Marbuta') AS case_insensitive;

-- the search profile folds spelling variants together (الأمريكي/الأميركي differ by a
-- letter, not by a normalization rule: the ar_stem lexicon and ar_entities unify those)
SELECT a, b, ar_normalize(a) = ar_normalize(b) AS same
FROM (VALUES
  ('مسؤول', 'مسئول'),
  ('الأمريكي', 'الأمريكى'),
  ('الروسيّة', 'الروسية'),
  ('شيء', 'شئ'),
  ('إلى', 'الى'),
  ('مدرسة', 'مدرسه'),
  ('ﻻ', 'لا'),
  ('١٢', '12'),
  ('کتاب', 'كتاب'),
  ('المؤتمر', 'الـمؤتـمـر')
) AS t(a, b);

-- search versus clean on one sentence
SELECT ar_normalize(s, 'search') AS search, ar_normalize(s, 'clean') AS clean
FROM (VALUES ('وقال المسؤولُ الأمريكيّ إنّ quot;الـمحادثاتquot; ستستمر   حتى ٢٠٢٥ ﻻ أكثر')) AS t(s);

-- combinations: add and remove rules left to right
SELECT ar_normalize('مدرسةُ إلى ٣', 'search,-teh_marbuta') AS minus_teh,
       ar_normalize('مدرسةُ إلى ٣', 'clean,digits') AS clean_plus_digits,
       ar_normalize('مدرسةُ إلى ٣', 'none') AS none,
       ar_normalize('مدرسةُ إلى ٣') AS default_is_search;

-- edge cases: empty, only diacritics, only tatweel, only controls, mixed scripts and emoji
SELECT label, pg_temp.vis(ar_normalize(input)) AS search, pg_temp.vis(ar_normalize(input, 'clean')) AS clean,
       length(ar_normalize(input)) AS len
FROM (VALUES
  ('empty', ''),
  ('only diacritics', 'ًٌٍَُِّْ'),
  ('only tatweel', 'ــــــ'),
  ('only controls', E'\u200F\u200E\u061C\uFEFF'),
  ('mixed', 'قمة G7 في Paris 🇫🇷 مع NATO 👍🏽'),
  ('emoji zwj', E'👨\u200D👩\u200D👧 عائلة'),
  ('newlines', E'\n\nفقرة أولى\n\n\n\nفقرة ثانية\n')
) AS t(label, input);

-- STRICT: NULL in, NULL out
SELECT ar_normalize(NULL) AS null_text, ar_normalize('نص', NULL) AS null_profile;

-- errors: unknown profile or rule, empty specification
SELECT ar_normalize('نص', 'searchh');
SELECT ar_normalize('نص', 'search,-nosuchrule');
SELECT ar_normalize('نص', '');

-- idempotence law: ar_normalize(ar_normalize(x, p), p) = ar_normalize(x, p)
WITH inputs(x) AS (VALUES
  ('وقال المسؤولُ الأمريكيّ إنّ quot;الـمحادثاتquot; ستستمر   حتى ٢٠٢٥ ﻻ أكثر'),
  ('&amp;amp;quot; &#38;quot; شييء ئ ﷺ ﹰ'),
  (E'👨\u200D👩 \u200Dب \u200C\u200C'),
  (E'  \n\n  x  \r\n'),
  ('ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَۛ فِيهِۛ'),
  ('')
), profiles(p) AS (VALUES ('search'), ('clean'), ('none'), ('hamza,spaces'), ('entities,bidi'), ('search,-spaces'))
SELECT count(*) AS cases,
       count(*) FILTER (WHERE ar_normalize(ar_normalize(x, p), p) = ar_normalize(x, p)) AS idempotent
FROM inputs, profiles;

-- the sample sentences of every rule above are also stable under the search profile
SELECT bool_and(ar_normalize(ar_normalize(body)) = ar_normalize(body)) AS corpus_idempotent
FROM (VALUES ('وصل وزير الخارجية الأمريكي، يوم الثلاثاء ٩ نيسان/أبريل، إلى موسكو.'),
             ('وقالت الباحثة إن «النماذج ما زالت تخطئ في الهمزات، فتكتب مسئولية بدل مسؤولية».')) AS t(body);

-- an empty item in a specification gets its own error (SQLSTATE 22023) and a hint
DO $$ BEGIN PERFORM ar_normalize('x', 'search,'); EXCEPTION WHEN invalid_parameter_value THEN RAISE NOTICE 'SQLSTATE 22023: %', SQLERRM; END $$;
SELECT ar_normalize('x', 'search,,-teh_marbuta');
SELECT ar_normalize('x', 'search,-');
SELECT ar_normalize('x', 'search,bogus');
