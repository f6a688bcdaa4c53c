/* src/pg_arabic--0.1--0.2.sql — upgrade of pg_arabic from 0.1 to 0.2 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '0.2'" to load this file. \quit

-- What 0.2 changes in the database:
--  1. the internal function _ar_gaz_row_hash, with which each session tells whether
--     the shipped gazetteer rows still match the prebuilt image
--     (tsearch_data/pg_arabic_ner.gazimg).  Installations made from main between
--     the first 0.1 and this version already have it; CREATE OR REPLACE covers both.
--  2. the shipped gazetteer rows (origin curated, icu, anercorp) are those of the
--     installed file tsearch_data/pg_arabic_ner.gaz, which the model installed with
--     this version was trained with (0.1 shipped 4,187 rows, 0.2 ships 23,950).
--     They are replaced here, as CREATE EXTENSION and a pg_dump/restore recreate
--     them; user rows (origin user) are not touched.  The statement trigger on
--     ar_gazetteer makes every session reload its gazetteer cache.

CREATE OR REPLACE FUNCTION @extschema@._ar_gaz_row_hash(surface text, label text, canonical text, origin text)
  RETURNS bigint
  AS 'MODULE_PATHNAME', 'ar_gaz_row_hash_sql'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._ar_gaz_row_hash(text, text, text, text) IS
  'Internal: hash of one ar_gazetteer row; the count and the sum (modulo 2^64) of the shipped rows'' hashes tell each session whether the prebuilt gazetteer image (tsearch_data/pg_arabic_ner.gazimg) still matches the table.';

DELETE FROM @extschema@.ar_gazetteer WHERE origin OPERATOR(pg_catalog.<>) 'user';
INSERT INTO @extschema@.ar_gazetteer (surface, label, canonical, origin)
  SELECT s.surface, s.label, s.canonical, s.origin FROM @extschema@._ar_gazetteer_shipped() s;
