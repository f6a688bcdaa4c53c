/* src/pg_arabic--0.2--0.3.sql — upgrade of pg_arabic from 0.2 to 0.3 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '0.3'" to load this file. \quit

-- What 0.3 changes in the database: the shipped gazetteer rows (origin curated, icu,
-- anercorp) are those of the installed file tsearch_data/pg_arabic_ner.gaz, which the
-- model installed with this version was trained with: 0.3's model is trained on every
-- sentence of the ANERcorp train split, and the names learned from it (origin anercorp)
-- grew from 3,081 to 3,413.  They are replaced here, as CREATE EXTENSION and a
-- pg_dump/restore recreate them; user rows (origin user) are not touched.  The statement
-- trigger on ar_gazetteer makes every session reload its gazetteer cache.  No function,
-- type or text-search configuration changes; the comments of ar_entities and ar_quotes(text)
-- name the new setting pg_arabic.ner_model (which model file the tagger reads).

DELETE FROM @extschema@.ar_gazetteer WHERE origin OPERATOR(pg_catalog.<>) 'user';
INSERT INTO @extschema@.ar_gazetteer (surface, label, canonical, origin)
  SELECT s.surface, s.label, s.canonical, s.origin FROM @extschema@._ar_gazetteer_shipped() s;

COMMENT ON FUNCTION @extschema@.ar_entities(text) IS
  'Named entities (PER, LOC, ORG, MISC) of an Arabic text: the mention as written, its label, 1-based code-point start and length (substr(input, start_pos, length) = entity), a canonical form (clitics stripped, spelling variants and surname mentions unified) and a confidence score. Declared IMMUTABLE in the sense users need, like a text-search dictionary: the same input gives the same output for a given model file (the setting pg_arabic.ner_model) and gazetteer version, so it can feed expression indexes and generated columns and is shipped to postgres_fdw shards; after changing ar_gazetteer, installing a new model or changing pg_arabic.ner_model, rebuild what was derived from it (REINDEX, recompute stored columns). Set pg_arabic.ner_model per database or in postgresql.conf, never per role, session or function where indexes or stored columns depend on it: every writer and reader of derived data must use the same model. Each new statement sees committed gazetteer changes; a cached plan that folded a call on a constant keeps its result.';

COMMENT ON FUNCTION @extschema@.ar_quotes(text) IS
'Find quotations in Arabic text: text in «» “” "" (and &quot;/quot; debris) and reported speech after قال، أضاف، أكد، صرح، أعرب … (the clause after إن/أن or a colon), with the speaker resolved to the fullest written name of the person (persons are the PER entities of the ar_entities tagger, completed by title and speech-verb-subject guesses where the tagger found none; titles such as الوزير and verb-only attributions such as وأضاف resolve to earlier persons), or the noun phrase of an anonymous source; NULL when unknown. substr(input, start_pos, length) = quote. IMMUTABLE in the same sense as ar_entities: deterministic for a given model file (pg_arabic.ner_model) and gazetteer version (rebuild derived data after changing either).';
