-- The ar_stem_template dictionary template: options, errors, aggressiveness.
SET client_min_messages = warning;

-- a dictionary with the default lists, at each aggressiveness level
CREATE TEXT SEARCH DICTIONARY t_none  (TEMPLATE = ar_stem_template, StopWords = pg_arabic, Aggressiveness = none);
CREATE TEXT SEARCH DICTIONARY t_light (TEMPLATE = ar_stem_template, StopWords = pg_arabic, ProtectedWords = pg_arabic, Aggressiveness = 1);
CREATE TEXT SEARCH DICTIONARY t_def   (TEMPLATE = ar_stem_template, StopWords = pg_arabic, ProtectedWords = pg_arabic, Plurals = pg_arabic);
CREATE TEXT SEARCH DICTIONARY t_heavy (TEMPLATE = ar_stem_template, StopWords = pg_arabic, ProtectedWords = pg_arabic, Plurals = pg_arabic, Aggressiveness = 'Heavy');
SELECT w, ts_lexize('t_none', w) AS none, ts_lexize('t_light', w) AS light,
       ts_lexize('t_def', w) AS def, ts_lexize('t_heavy', w) AS heavy
  FROM unnest(ARRAY['والمدرسة', 'بالمدارس', 'كتابهم', 'الحكومية', 'سيعملون', 'في', 'وزير']) AS w;

-- without lists nothing is protected, nothing is a stopword
CREATE TEXT SEARCH DICTIONARY t_bare (TEMPLATE = ar_stem_template);
SELECT ts_lexize('t_bare', 'وزير') AS bare_wazir, ts_lexize('t_bare', 'في') AS bare_fi,
       ts_lexize('t_def', 'وزير') AS def_wazir, ts_lexize('t_def', 'في') AS def_fi;

-- a custom normalization keeps teh marbuta distinct
CREATE TEXT SEARCH DICTIONARY t_tm (TEMPLATE = ar_stem_template, Normalization = 'search,-teh_marbuta');
SELECT ts_lexize('t_tm', 'المدرسة') AS keeps_teh_marbuta, ts_lexize('t_def', 'المدرسة') AS folds;

-- ALTER changes the options; the backend reloads the dictionary
ALTER TEXT SEARCH DICTIONARY t_bare (StopWords = pg_arabic);
SELECT ts_lexize('t_bare', 'في') AS after_alter;

-- errors: unknown option, paths, bad names, bad values, duplicates, missing files
DO $$
DECLARE
  stmts text[] := ARRAY[
    'CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, StopWord = pg_arabic)',
    'CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, Stemmer = light)',
    'CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, StopWords = ''../../../../etc/passwd'')',
    'CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, Plurals = ''/tmp/plurals'')',
    'CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, ProtectedWords = ''My-Words'')',
    'CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, StopWords = no_such_list)',
    'CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, Aggressiveness = 7)',
    'CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, Aggressiveness = maximal)',
    'CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, Normalization = ''search,-vowels'')',
    'CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, Normalization = ''search,'')',
    'CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, StopWords = pg_arabic, StopWords = pg_arabic)',
    'ALTER TEXT SEARCH DICTIONARY t_def (Colour = blue)'];
  s text;
BEGIN
  FOREACH s IN ARRAY stmts LOOP
    BEGIN
      EXECUTE s;
      RAISE WARNING 'no error for: %', s;
    EXCEPTION WHEN others THEN
      -- the file name of a missing list depends on the installation directory
      RAISE WARNING '% %', SQLSTATE,
        regexp_replace(SQLERRM, '"/[^"]*/tsearch_data/', '"$SHAREDIR/tsearch_data/');
    END;
  END LOOP;
END $$;
-- the failed ALTER left t_def as it was
SELECT ts_lexize('t_def', 'بالمدارس') AS unchanged;

-- odd input never breaks a dictionary or the parser
SELECT ts_lexize('t_def', '') AS empty, ts_lexize('t_def', 'ـــ') AS tatweel_only,
       ts_lexize('t_def', 'ًٌٍ') AS marks_only, ts_lexize('t_def', 'abc') AS latin,
       ts_lexize('t_def', 'ب' || chr(8204) || 'يت') AS zwnj,
       ts_lexize('t_def', 'ﺑﺎﻟﻤﺪﺍﺭﺱ') AS presentation_forms;
SELECT length(ar_stem(repeat('بالمدارس', 100))) AS long_word,
       numnode(plainto_tsquery('ar', repeat('كتب ', 5000))) AS many_words,
       length(to_tsvector('ar', repeat('و', 5000) || ' ' || repeat(' ', 5000) || repeat('!', 3000))) AS long_runs,
       length(ts_headline('ar', repeat(' ', 3000) || 'وزير' || repeat('؟', 3000), to_tsquery('ar', 'وزير'))) > 0 AS headline_long_blanks;
SELECT count(*) AS rows, count(stem) AS stems FROM ar_analyze(repeat('في المدارس، ', 2000));

DROP TEXT SEARCH DICTIONARY t_none, t_light, t_def, t_heavy, t_bare, t_tm;

-- verbs: the future س before ي ت ن أ, and the imperfect ت, meet the ي form;
-- nouns of the same shapes keep their letters
SELECT w, ar_stem(w) FROM unnest(ARRAY['سيزور', 'ستزور', 'سنزور', 'سأزور', 'يزور', 'تزور',
  'سيارات', 'سياسيون', 'تقارير', 'تعليمية', 'تركي']) AS w;
-- names: place names (from ICU's Arabic country and city names) and
-- personal names keep their letters, with or without the article
SELECT w, ar_stem(w) FROM unnest(ARRAY['الكرملين', 'بالكرملين', 'وواشنطن', 'لبكين',
  'باليابان', 'للأردن', 'وعثمان', 'ليعقوب', 'بطهران']) AS w;
-- name particle and question words are stopwords
SELECT w, ar_stem(w), (SELECT is_stopword FROM ar_analyze(w)) FROM unnest(ARRAY['بن', 'أينما', 'ماذا', 'كيفما']) AS w;

-- a word ligature is one token but several words: one lexeme per word, each at its own position
SELECT to_tsvector('ar', 'قال ﷺ إن') AS ligature,
       to_tsvector('ar', 'ﷺ') @@ plainto_tsquery('ar', 'الله') AS ligature_matches_word,
       ts_lexize('ar_stem', '﷽') AS basmala;

-- a word longer than a tsvector entry is cut after normalization: ﻻ grows to لا and nothing is lost
SELECT sum(octet_length(l)) AS lexeme_bytes, max(octet_length(l)) <= 2000 AS each_fits,
       bool_and(l ~ '^(لا)+$') AS whole_letters
FROM unnest(tsvector_to_array(to_tsvector('ar', repeat('ﻻ', 1000)))) AS l;
SELECT count(*) AS lexemes, sum(octet_length(x)) AS bytes FROM unnest(ts_lexize('ar_exact', repeat('ﻻ', 666))) AS x;
