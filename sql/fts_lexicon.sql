-- Search II: broken plurals by pattern and sound plurals of masculine nouns,
-- checked against the lexicon derived from hunspell-ar (pg_arabic.lexicon)
SET client_min_messages = warning;
-- plural and singular meet: pattern + lexicon, masculine nouns in ات, list
SELECT w, ar_stem(w) FROM unnest(ARRAY[
  'دساتير', 'الدستور', 'مفاتيح', 'مفتاح', 'علماء', 'عالم', 'المطالب', 'مطلب',
  'برلمانات', 'البرلمان', 'حيوانات', 'حيوان', 'امتحانات', 'امتحان',
  'كبيرة', 'الكبيرات', 'كبير', 'مدرسة', 'بالمدارس']) AS w;
-- attested words and unknown names keep their letters (the inner ي of a foreign name's
-- spellings folds: كلينتون = كلنتون, see fts_loanwords)
SELECT w, ar_stem(w) FROM unnest(ARRAY['مهرجان', 'كلنتون', 'كلينتون', 'لبنان', 'بيان', 'مشاركون', 'مشارك']) AS w;
-- which rule produced each stem
SELECT token, prefix, stem, suffix, rule FROM ar_analyze('دساتير الحيوانات البرلمانات مطالب كلنتون في ٣ Sanctions');
-- a query for the singular finds the broken plural, and the other way round
SELECT to_tsvector('ar', 'عدلت الدول دساتيرها وبرلماناتها') @@ plainto_tsquery('ar', 'دستور البرلمان') AS found;
SELECT to_tsvector('ar', 'مفتاح واحد') @@ plainto_tsquery('ar', 'المفاتيح') AS found;
-- the Lexicon option: a file name, loaded with the dictionary; without it the rules alone
CREATE TEXT SEARCH DICTIONARY ar_stem_nolex (TEMPLATE = ar_stem_template,
  StopWords = pg_arabic, ProtectedWords = pg_arabic, Plurals = pg_arabic);
SELECT ts_lexize('ar_stem_nolex', 'برلمانات') AS without_lexicon, ts_lexize('ar_stem', 'برلمانات') AS with_lexicon;
DROP TEXT SEARCH DICTIONARY ar_stem_nolex;
CREATE TEXT SEARCH DICTIONARY ar_bad (TEMPLATE = ar_stem_template, Lexicon = '../x');
CREATE TEXT SEARCH DICTIONARY ar_bad (TEMPLATE = ar_stem_template, Lexicon = missing_lexicon);
CREATE TEXT SEARCH DICTIONARY ar_bad (TEMPLATE = ar_stem_template, Lexicon = pg_arabic, Lexicon = pg_arabic);
