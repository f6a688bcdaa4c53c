/* src/pg_arabic--0.3--0.4.sql — upgrade of pg_arabic from 0.3 to 0.4 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '0.4'" to load this file. \quit

-- What 0.4 changes in the database, one section per change; every object added or changed
-- here is added or changed the same way in src/pg_arabic--0.4.sql (test/t/050_upgrade.pl
-- compares an updated database with a fresh install).

-- Shipped gazetteer rows (origin curated, icu, anercorp): every update replaces them with the
-- rows of the installed file tsearch_data/pg_arabic_ner.gaz, which the installed model was
-- trained with, as CREATE EXTENSION and a pg_dump/restore recreate them; user rows (origin
-- user) are not touched.  The statement trigger on ar_gazetteer makes every session reload.
DELETE FROM @extschema@.ar_gazetteer WHERE origin OPERATOR(pg_catalog.<>) 'user';
INSERT INTO @extschema@.ar_gazetteer (surface, label, canonical, origin)
  SELECT s.surface, s.label, s.canonical, s.origin FROM @extschema@._ar_gazetteer_shipped() s;

-- ===================================================================
-- Section: search II: lexicon-checked plurals (Lexicon option of ar_stem, rule column of ar_analyze)
-- ===================================================================
COMMENT ON TEXT SEARCH TEMPLATE @extschema@.ar_stem_template IS 'Arabic normalizing light stemmer; options StopWords, ProtectedWords, Plurals, Lexicon (file names in tsearch_data), Aggressiveness (0-3), Normalization (ar_normalize rule spec)';
ALTER TEXT SEARCH DICTIONARY @extschema@.ar_stem (Lexicon = pg_arabic);
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.ar_stem IS 'Arabic stemmer: search normalization, proclitic and suffix removal, protected words, broken plurals (list and lexicon-checked patterns), Arabic stopwords';
-- a new OUT column changes the result type: drop and create again
DROP FUNCTION @extschema@.ar_analyze(text);
CREATE FUNCTION @extschema@.ar_analyze(input text,
    OUT pos integer, OUT token text, OUT normalized text, OUT prefix text, OUT stem text,
    OUT suffix text, OUT is_stopword boolean, OUT start_pos integer, OUT length integer,
    OUT rule text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'ar_analyze' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.ar_analyze(text) IS 'Why a word matches: per non-space token its normalized form, removed prefix, stem, removed suffix, stopword flag, 1-based character position and the rule behind the stem (list, pattern+lexicon, lexicon, light, stopword; ar_stem dictionary)';
