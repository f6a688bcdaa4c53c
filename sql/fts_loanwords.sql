-- Spelling variants of loanwords and foreign names in ar (ar_stem option LoanwordFolding)
SET client_min_messages = warning;
CREATE TEXT SEARCH DICTIONARY t_noloan (TEMPLATE = ar_stem_template, StopWords = pg_arabic,
  ProtectedWords = pg_arabic, Plurals = pg_arabic, Lexicon = pg_arabic, LoanwordFolding = off);

-- the spellings of one name or loanword meet, behind clitics too; without the option they do not
SELECT v.grp, v.w, ar_stem(v.w) AS stem, (ts_lexize('t_noloan', v.w))[1] AS without_folding
FROM (VALUES
  (1, 'كلينتون'), (1, 'كلنتون'), (1, 'لكلينتون'), (1, 'وكلنتون'),
  (2, 'تيلرسون'), (2, 'تيليرسون'), (2, 'وتيليرسون'),
  (3, 'ديمقراطية'), (3, 'ديموقراطية'), (3, 'الديموقراطية'), (3, 'الديمقراطيون'),
  (4, 'فيينا'), (4, 'ڤيينا'), (4, 'بڤيينا'),
  (5, 'جوجل'), (5, 'گوگل'),
  (6, 'باريس'), (6, 'پاريس'), (6, 'بپاريس'),
  (7, 'إنستغرام'), (7, 'انستجرام'),
  (8, 'التليفزيونية'), (8, 'التلفزيوني')) AS v(grp, w)
ORDER BY v.grp, v.w COLLATE "C";
SELECT grp, count(DISTINCT ar_stem(w)) AS stems_with, count(DISTINCT (ts_lexize('t_noloan', w))[1]) AS stems_without
FROM (VALUES (1, 'كلينتون'), (1, 'كلنتون'), (1, 'لكلينتون'), (2, 'تيلرسون'), (2, 'تيليرسون'),
             (3, 'ديمقراطية'), (3, 'ديموقراطية'), (4, 'فيينا'), (4, 'ڤيينا'), (5, 'جوجل'), (5, 'گوگل'),
             (7, 'إنستغرام'), (7, 'انستجرام'), (8, 'التليفزيونية'), (8, 'التلفزيوني')) AS v(grp, w)
GROUP BY grp ORDER BY grp;

-- a first ڤ or پ is a letter of the word, never the clitic ف or ب
SELECT token, prefix, stem, rule FROM ar_analyze('ڤيكتوريا وڤيكتوريا پلاستيك');
-- and a word with such a letter is never a stopword (ڤان is not ف + إن, پل not ب + ل)
SELECT token, stem, is_stopword FROM ar_analyze('ڤان غوخ پل');

-- ordinary words are left alone: attested words, short unknown words with غ (verbs), stopwords
SELECT w, ar_stem(w) AS stem, ar_stem(w) IS NOT DISTINCT FROM (ts_lexize('t_noloan', w))[1] AS unchanged
FROM unnest(ARRAY['تغيرت', 'رغبت', 'ينبغي', 'المغرب', 'الغذائية', 'يستغرقون', 'أغلقت',
                  'المدينة', 'الحكومية', 'سيارات', 'التفاصيل', 'الرئيس', 'مستشفيات', 'وزير', 'في']) AS w;

-- why a word matches: the rule loanword
SELECT token, prefix, stem, suffix, rule
FROM ar_analyze('أعلن تيليرسون في ڤيينا أن الديموقراطية تهم كلنتون أيضا');

-- a query in one spelling finds a document in another
SELECT to_tsvector('ar', 'التقى وزير الخارجية تيلرسون نظيره الروسي في فيينا لبحث الديمقراطية')
         @@ plainto_tsquery('ar', 'تيليرسون ڤيينا الديموقراطية') AS variants_match,
       to_tsvector('ar', 'قالت كلينتون إن الحملة بدأت') @@ plainto_tsquery('ar', 'لكلنتون') AS clitic_and_variant,
       to_tsvector('ar', 'تغيرت الأسعار') @@ plainto_tsquery('ar', 'تجيرت') AS no_fold_for_short_words;

-- the option is a boolean; anything else is refused (SQLSTATE 22023)
CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, LoanwordFolding = sometimes);
\echo :LAST_ERROR_SQLSTATE
CREATE TEXT SEARCH DICTIONARY t_bad (TEMPLATE = ar_stem_template, LoanwordFolding = on, LoanwordFolding = off);
\echo :LAST_ERROR_SQLSTATE
SELECT dictinitoption LIKE '%loanwordfolding = ''on''%' AS ar_stem_folds
FROM pg_ts_dict WHERE dictname = 'ar_stem';

DROP TEXT SEARCH DICTIONARY t_noloan;
