/* src/pg_arabic--0.4--0.5.sql — upgrade of pg_arabic from 0.4 to 0.5 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '0.5'" to load this file. \quit

-- What 0.5 changes in the database, one section per change; every object added or changed
-- here is added or changed the same way in src/pg_arabic--0.5.sql (test/t/050_upgrade.pl
-- compares an updated database with a fresh install).

-- Shipped gazetteer rows (origin curated, icu, anercorp): every update replaces them with the
-- rows of the installed file tsearch_data/pg_arabic_ner.gaz, which the installed model was
-- trained with, as CREATE EXTENSION and a pg_dump/restore recreate them; user rows (origin
-- user) are not touched.  The statement trigger on ar_gazetteer makes every session reload.
DELETE FROM @extschema@.ar_gazetteer WHERE origin OPERATOR(pg_catalog.<>) 'user';
INSERT INTO @extschema@.ar_gazetteer (surface, label, canonical, origin)
  SELECT s.surface, s.label, s.canonical, s.origin FROM @extschema@._ar_gazetteer_shipped() s;

-- ===================================================================
-- Section: loanword and foreign-name spelling variants in ar (option LoanwordFolding)
-- ===================================================================
-- The ar_stem dictionary (and so the ar and ar_names configurations) folds spelling variants
-- of loanwords and foreign names: ڤ پ گ چ ژ -> ف ب غ ج ج, listed second spellings of attested
-- loanwords (ديموقراطية -> ديمقراطية), and for words the lexicon does not know غ/ج and the ي
-- inside the word (كلنتون = كلينتون); an adjective of a listed place also yields the place
-- (الإيراني: ايراني and ايران), a second lexeme that 0.5 queries require.  After updating,
-- REINDEX indexes built on to_tsvector('ar', ...) and recompute stored tsvector columns
-- (generated, trigger-maintained or plain: REINDEX does not touch them).
ALTER TEXT SEARCH DICTIONARY @extschema@.ar_stem (LoanwordFolding = on);
COMMENT ON TEXT SEARCH TEMPLATE @extschema@.ar_stem_template IS 'Arabic normalizing light stemmer; options StopWords, ProtectedWords, Plurals, Lexicon (file names in tsearch_data), Aggressiveness (0-3), Normalization (ar_normalize rule spec), LoanwordFolding (boolean: one stem for the spellings of a loanword or foreign name)';
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.ar_stem IS 'Arabic stemmer: search normalization, proclitic and suffix removal, protected words, broken plurals (list and lexicon-checked patterns), Arabic stopwords, spelling variants of loanwords and foreign names';
COMMENT ON FUNCTION @extschema@.ar_analyze(text) IS 'Why a word matches: per non-space token its normalized form, removed prefix, stem, removed suffix, stopword flag, 1-based character position and the rule behind the stem (list, pattern+lexicon, lexicon, light, loanword, stopword; ar_stem dictionary)';

-- ===================================================================
-- Section: names scheme of ar_translit / ar_untranslit works word by word
-- ===================================================================
COMMENT ON FUNCTION @extschema@.ar_translit(text, text) IS 'Transliterate Arabic script: buckwalter, safe_buckwalter (both reversible by ar_untranslit, diacritics included) or names (learned readable romanization of names, word by word, separators kept, words capitalized)';
COMMENT ON FUNCTION @extschema@.ar_untranslit(text, text) IS 'Arabic script of a transliteration: buckwalter, safe_buckwalter, or names (likeliest Arabic spelling of Latin-script names, learned, word by word, separators kept)';
