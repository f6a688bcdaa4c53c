/* src/pg_arabic--0.5--0.6.sql — upgrade of pg_arabic from 0.5 to 0.6 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '0.6'" to load this file. \quit

-- What 0.6 changes in the database, one section per change; every object added or changed
-- here is added or changed the same way in src/pg_arabic--0.6.sql (test/t/050_upgrade.pl
-- compares an updated database with a fresh install).

-- Shipped gazetteer rows (origin curated, icu, anercorp): every update replaces them with the
-- rows of the installed file tsearch_data/pg_arabic_ner.gaz, which the installed model was
-- trained with, as CREATE EXTENSION and a pg_dump/restore recreate them; user rows (origin
-- user) are not touched.  The statement trigger on ar_gazetteer makes every session reload.
DELETE FROM @extschema@.ar_gazetteer WHERE origin OPERATOR(pg_catalog.<>) 'user';
INSERT INTO @extschema@.ar_gazetteer (surface, label, canonical, origin)
  SELECT s.surface, s.label, s.canonical, s.origin FROM @extschema@._ar_gazetteer_shipped() s;

-- ===================================================================
-- Section: ar_analyze shows a second lexeme (0.6)
-- ===================================================================
COMMENT ON FUNCTION @extschema@.ar_analyze(text) IS 'Why a word matches: per non-space token its normalized form, removed prefix, stem, removed suffix, stopword flag, 1-based character position and the rule behind the stem (list, pattern+lexicon, lexicon, light, loanword, stopword), and a second row with rule place for the place a nisba adjective also indexes; ar_stem dictionary';

-- ===================================================================
-- Section: ar_root (issue 20): roots of words, from the stemmer's lexicon
-- ===================================================================
CREATE FUNCTION @extschema@.ar_root(word text) RETURNS text
  AS 'MODULE_PATHNAME', 'ar_root_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_root(text) IS 'Triliteral or quadriliteral root of one Arabic word (a hamza radical written أ), only where the shipped lexicon (tsearch_data/pg_arabic.lexicon) and the morphological patterns make it certain; NULL otherwise (uncertain, ambiguous, not one Arabic word)';
