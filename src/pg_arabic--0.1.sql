/* src/pg_arabic--0.1.sql — install script of pg_arabic 0.1 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION pg_arabic" to load this file. \quit

-- Every object is schema-qualified with @extschema@ or pg_catalog, and every
-- function pins search_path through qualified references only, so nothing
-- depends on the caller's search_path.

DO $guard$
BEGIN
  IF pg_catalog.getdatabaseencoding() OPERATOR(pg_catalog.<>) 'UTF8' THEN
    RAISE EXCEPTION 'pg_arabic requires a UTF8 database, not %', pg_catalog.getdatabaseencoding()
      USING ERRCODE = 'feature_not_supported',
            HINT = 'Create the database with ENCODING ''UTF8'' (for example from template0) and install the extension there.';
  END IF;
END
$guard$;

-- ===================================================================
-- Section: normalization and tokenization (src/pg/normalize.c, tokenize.c)
-- ===================================================================

-- ===================================================================
-- Section: full-text search (parser, ar_stem dictionary, configurations)
-- ===================================================================

-- ===================================================================
-- Section: named entities (ar_entities, ar_gazetteer)
-- ===================================================================

-- ===================================================================
-- Section: dates and quotations (ar_dates, ar_quotes)
-- ===================================================================
