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
-- type or configuration changes.

DELETE FROM @extschema@.ar_gazetteer WHERE origin OPERATOR(pg_catalog.<>) 'user';
INSERT INTO @extschema@.ar_gazetteer (surface, label, canonical, origin)
  SELECT s.surface, s.label, s.canonical, s.origin FROM @extschema@._ar_gazetteer_shipped() s;
