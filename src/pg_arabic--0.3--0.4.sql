/* src/pg_arabic--0.3--0.4.sql — upgrade of pg_arabic from 0.3 to 0.4 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '0.4'" to load this file. \quit

-- What 0.4 changes in the database, one section per change; every object added or changed
-- here is added or changed the same way in src/pg_arabic--0.4.sql (test/t/050_upgrade.pl
-- compares an updated database with a fresh install).

-- Names across spellings and scripts (docs/names.md): transliteration, name keys,
-- name similarity and the ar_names text-search configuration.
CREATE FUNCTION @extschema@.ar_translit(input text, scheme text DEFAULT 'buckwalter') RETURNS text
  AS 'MODULE_PATHNAME', 'ar_translit_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_translit(text, text) IS 'Transliterate Arabic script: buckwalter, safe_buckwalter (both reversible by ar_untranslit, diacritics included) or names (learned readable romanization of a name)';
CREATE FUNCTION @extschema@.ar_untranslit(input text, scheme text DEFAULT 'buckwalter') RETURNS text
  AS 'MODULE_PATHNAME', 'ar_untranslit_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_untranslit(text, text) IS 'Arabic script of a transliteration: buckwalter, safe_buckwalter, or names (likeliest Arabic spelling of a Latin-script name, learned)';
CREATE FUNCTION @extschema@.ar_name_key(name text) RETURNS text
  AS 'MODULE_PATHNAME', 'ar_name_key_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_name_key(text) IS 'One key for a name token whatever its script or spelling (Merkel, ميركل, ميركيل), for indexes and joins';
CREATE FUNCTION @extschema@.ar_name_similarity(a text, b text) RETURNS real
  AS 'MODULE_PATHNAME', 'ar_name_similarity_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_name_similarity(text, text) IS 'Similarity in [0, 1] of two name tokens in Arabic or Latin script (learned alignment model), for ranking candidates';

CREATE FUNCTION @extschema@.ar_names_init(internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'ar_names_init' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_names_lexize(internal, internal, internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'ar_names_lexize' LANGUAGE C STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_names_init(internal) IS 'ar_names_template support: read the stopword and ordinary-word lists and the name model';
COMMENT ON FUNCTION @extschema@.ar_names_lexize(internal, internal, internal, internal) IS 'ar_names_template support: name keys of a name token';

CREATE TEXT SEARCH TEMPLATE @extschema@.ar_names_template (
  INIT = @extschema@.ar_names_init,
  LEXIZE = @extschema@.ar_names_lexize
);
COMMENT ON TEXT SEARCH TEMPLATE @extschema@.ar_names_template IS 'Name keys for name tokens in Arabic or Latin script; options StopWords, Words (ordinary Arabic words, never names), LatinStopWords';

CREATE TEXT SEARCH DICTIONARY @extschema@.ar_names (
  TEMPLATE = @extschema@.ar_names_template,
  StopWords = pg_arabic, Words = pg_arabic_names, LatinStopWords = english
);
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.ar_names IS 'Name keys: Arabic tokens that are not stopwords or ordinary words (clitics stripped) and Latin tokens that are not English stopwords';

CREATE TEXT SEARCH CONFIGURATION @extschema@.ar_names (PARSER = @extschema@.ar_parser);
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar_names
  ADD MAPPING FOR arabic WITH @extschema@.ar_names, @extschema@.ar_stem;
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar_names
  ADD MAPPING FOR latin WITH @extschema@.ar_names;
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar_names
  ADD MAPPING FOR number WITH @extschema@.ar_stem;
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar_names
  ADD MAPPING FOR other WITH pg_catalog.simple;
COMMENT ON TEXT SEARCH CONFIGURATION @extschema@.ar_names IS 'Search by name across spellings and scripts: names (Arabic or Latin) become name keys, other Arabic words are stemmed as in ar';
