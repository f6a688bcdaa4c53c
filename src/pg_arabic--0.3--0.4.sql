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

-- ===================================================================
-- Section: gazetteer versions (ar_gazetteer_log, one version per statement)
-- ===================================================================

-- Every change of ar_gazetteer is logged here by its statement triggers, with the id
-- of the writing transaction.  A statement uses the gazetteer its snapshot shows; each
-- session applies to its cache the entries of the transactions the statement's snapshot
-- shows and the cache's last one did not (user rows one by one) instead of reloading
-- the whole gazetteer.
CREATE TABLE @extschema@.ar_gazetteer_log (
  seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  xid       pg_catalog.xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
  op        text NOT NULL,
  surface   text,
  label     text,
  canonical text
);
CREATE INDEX ar_gazetteer_log_xid_idx ON @extschema@.ar_gazetteer_log (xid);
COMMENT ON TABLE @extschema@.ar_gazetteer_log IS
  'Internal: changes of ar_gazetteer, written by its triggers; each session brings its gazetteer cache to the version its statement''s snapshot shows by applying the entries of the transactions that snapshot shows and its cache did not. Only the last few thousand entries are kept.';
COMMENT ON COLUMN @extschema@.ar_gazetteer_log.seq IS 'Order of the entries (within a transaction, the order of its changes).';
COMMENT ON COLUMN @extschema@.ar_gazetteer_log.xid IS 'The writing transaction.';
COMMENT ON COLUMN @extschema@.ar_gazetteer_log.op IS '+ user row added, - user row removed (with its surface, label and canonical form), S shipped rows changed, T table truncated, P older entries pruned (surface: the latest transaction id among them).';
REVOKE ALL ON TABLE @extschema@.ar_gazetteer_log FROM PUBLIC;
GRANT SELECT ON TABLE @extschema@.ar_gazetteer_log TO PUBLIC;

-- a role you let write ar_gazetteer also needs INSERT and DELETE on ar_gazetteer_log
-- (the triggers run as the writer)
COMMENT ON FUNCTION @extschema@._ar_gazetteer_changed() IS
  'Internal statement trigger of ar_gazetteer: logs in ar_gazetteer_log the user rows a statement removed and added, S when it changed shipped rows, T for TRUNCATE.';

DROP TRIGGER ar_gazetteer_changed ON @extschema@.ar_gazetteer;
CREATE TRIGGER ar_gazetteer_log_insert
  AFTER INSERT ON @extschema@.ar_gazetteer REFERENCING NEW TABLE AS ar_new
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@._ar_gazetteer_changed();
CREATE TRIGGER ar_gazetteer_log_update
  AFTER UPDATE ON @extschema@.ar_gazetteer REFERENCING OLD TABLE AS ar_old NEW TABLE AS ar_new
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@._ar_gazetteer_changed();
CREATE TRIGGER ar_gazetteer_log_delete
  AFTER DELETE ON @extschema@.ar_gazetteer REFERENCING OLD TABLE AS ar_old
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@._ar_gazetteer_changed();
CREATE TRIGGER ar_gazetteer_log_truncate
  AFTER TRUNCATE ON @extschema@.ar_gazetteer
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@._ar_gazetteer_changed();
