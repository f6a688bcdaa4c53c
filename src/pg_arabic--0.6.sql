/* src/pg_arabic--0.6.sql — install script of pg_arabic 0.6 (the only full script; older versions reach it through the upgrade scripts) */

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

CREATE FUNCTION @extschema@.ar_normalize(input text, profile text DEFAULT 'search')
RETURNS text
AS 'MODULE_PATHNAME', 'ar_normalize_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.ar_normalize(text, text) IS
'Normalize Arabic text. profile is a profile name (search: fold everything that should not matter for matching; clean: display-safe repairs, keeps diacritics and hamza; none) or a comma-separated list of profiles and rules, a leading - removing a rule, e.g. ''search,-teh_marbuta'' or ''none,digits,tatweel''. Rules: see ar_normalize_rules().';

CREATE FUNCTION @extschema@.ar_normalize_rules(
    OUT rule text, OUT description text, OUT in_search boolean, OUT in_clean boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ar_normalize_rules'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 14;

COMMENT ON FUNCTION @extschema@.ar_normalize_rules() IS
'List the normalization rules usable in ar_normalize(text, profile), with whether the search and clean profiles include them.';

CREATE FUNCTION @extschema@.ar_tokenize(
    input text,
    OUT pos integer, OUT token text, OUT kind text, OUT start_pos integer, OUT length integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ar_tokenize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 100;

COMMENT ON FUNCTION @extschema@.ar_tokenize(text) IS
'Split text into Arabic-aware tokens (kinds: arabic, latin, other, number, punct, symbol), white space left out. start_pos is a 1-based character offset: substr(input, start_pos, length) = token.';

-- ===================================================================
-- Section: full-text search (parser, ar_stem dictionary, configurations)
-- ===================================================================

-- Parser: the core tokenizer.  Token type ids follow the default parser's
-- numbering where ts_headline depends on it (12 = blank), so the default
-- headline generator pg_catalog.prsd_headline works with it.
CREATE FUNCTION @extschema@.ar_prs_start(internal, integer) RETURNS internal
  AS 'MODULE_PATHNAME', 'ar_prs_start' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_prs_nexttoken(internal, internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'ar_prs_nexttoken' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_prs_end(internal) RETURNS void
  AS 'MODULE_PATHNAME', 'ar_prs_end' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_prs_lextype(internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'ar_prs_lextype' LANGUAGE C STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_prs_start(internal, integer) IS 'ar_parser support: start parsing a text';
COMMENT ON FUNCTION @extschema@.ar_prs_nexttoken(internal, internal, internal) IS 'ar_parser support: return the next token';
COMMENT ON FUNCTION @extschema@.ar_prs_end(internal) IS 'ar_parser support: end parsing';
COMMENT ON FUNCTION @extschema@.ar_prs_lextype(internal) IS 'ar_parser support: list the token types (latin, arabic, other, blank, number)';

CREATE TEXT SEARCH PARSER @extschema@.ar_parser (
  START = @extschema@.ar_prs_start,
  GETTOKEN = @extschema@.ar_prs_nexttoken,
  END = @extschema@.ar_prs_end,
  LEXTYPES = @extschema@.ar_prs_lextype,
  HEADLINE = pg_catalog.prsd_headline
);
COMMENT ON TEXT SEARCH PARSER @extschema@.ar_parser IS 'Arabic-aware text search parser: Arabic, Latin and other-script words, numbers; spaces, punctuation and symbols are blanks';

-- Dictionary template: normalization plus clitic-aware light stemming.
CREATE FUNCTION @extschema@.ar_stem_init(internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'ar_stem_init' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_stem_lexize(internal, internal, internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'ar_stem_lexize' LANGUAGE C STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_stem_init(internal) IS 'ar_stem_template support: validate options and load the word lists';
COMMENT ON FUNCTION @extschema@.ar_stem_lexize(internal, internal, internal, internal) IS 'ar_stem_template support: stem one word';

CREATE TEXT SEARCH TEMPLATE @extschema@.ar_stem_template (
  INIT = @extschema@.ar_stem_init,
  LEXIZE = @extschema@.ar_stem_lexize
);
COMMENT ON TEXT SEARCH TEMPLATE @extschema@.ar_stem_template IS 'Arabic normalizing light stemmer; options StopWords, ProtectedWords, Plurals, Lexicon (file names in tsearch_data), Aggressiveness (0-3), Normalization (ar_normalize rule spec)';

CREATE TEXT SEARCH DICTIONARY @extschema@.ar_stem (
  TEMPLATE = @extschema@.ar_stem_template,
  StopWords = pg_arabic, ProtectedWords = pg_arabic, Plurals = pg_arabic,
  Aggressiveness = 2, Lexicon = pg_arabic
);
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.ar_stem IS 'Arabic stemmer: search normalization, proclitic and suffix removal, protected words, broken plurals (list and lexicon-checked patterns), Arabic stopwords';

CREATE TEXT SEARCH DICTIONARY @extschema@.ar_exact (
  TEMPLATE = @extschema@.ar_stem_template,
  Normalization = 'presentation_forms,tatweel,quranic_marks,bidi,joiners',
  Aggressiveness = 0
);
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.ar_exact IS 'Arabic exact-form dictionary: keeps diacritics and hamza; only repairs presentation forms, removes tatweel, Quranic annotation marks and invisible controls; no stemming, no stopwords';

CREATE TEXT SEARCH CONFIGURATION @extschema@.ar (PARSER = @extschema@.ar_parser);
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar
  ADD MAPPING FOR arabic, number WITH @extschema@.ar_stem;
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar
  ADD MAPPING FOR latin WITH pg_catalog.english_stem;
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar
  ADD MAPPING FOR other WITH pg_catalog.simple;
COMMENT ON TEXT SEARCH CONFIGURATION @extschema@.ar IS 'Arabic full-text search: Arabic words and numbers through ar_stem, Latin words through english_stem, other scripts through simple';

CREATE TEXT SEARCH CONFIGURATION @extschema@.ar_exact (PARSER = @extschema@.ar_parser);
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar_exact
  ADD MAPPING FOR arabic, number WITH @extschema@.ar_exact;
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar_exact
  ADD MAPPING FOR latin, other WITH pg_catalog.simple;
COMMENT ON TEXT SEARCH CONFIGURATION @extschema@.ar_exact IS 'Exact (diacritic-sensitive) Arabic search for Quran and poetry: no stemming, no stopwords, diacritics kept';

-- SQL access to the stemmer.  STABLE, not IMMUTABLE: the result depends on
-- the ar_stem dictionary's options and data files, which ALTER TEXT SEARCH
-- DICTIONARY or a new data file can change (ts_lexize is STABLE for the
-- same reason).  to_tsvector('ar', ...) stays IMMUTABLE as PostgreSQL
-- defines it: after changing the dictionary, REINDEX the indexes built on it.
CREATE FUNCTION @extschema@.ar_stem(word text) RETURNS text
  AS 'MODULE_PATHNAME', 'ar_stem' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_stem(text) IS 'Lexeme the ar_stem dictionary makes of one word (same as ts_lexize(''ar_stem'', word)); NULL for a stopword';

CREATE FUNCTION @extschema@.ar_analyze(input text,
    OUT pos integer, OUT token text, OUT normalized text, OUT prefix text, OUT stem text,
    OUT suffix text, OUT is_stopword boolean, OUT start_pos integer, OUT length integer,
    OUT rule text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'ar_analyze' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.ar_analyze(text) IS 'Why a word matches: per non-space token its normalized form, removed prefix, stem, removed suffix, stopword flag, 1-based character position and the rule behind the stem (list, pattern+lexicon, lexicon, light, stopword; ar_stem dictionary)';

-- ===================================================================
-- Section: named entities (ar_entities, ar_gazetteer)
-- ===================================================================

-- Gazetteer: names the tagger uses as features (shipped rows) or as
-- authoritative spans (origin = 'user').  Shipped rows come from the file
-- tsearch_data/pg_arabic_ner.gaz written by `make model`; only user rows are
-- dumped by pg_dump (the shipped ones are recreated by CREATE EXTENSION).
CREATE TABLE @extschema@.ar_gazetteer (
  surface   text NOT NULL CHECK (surface OPERATOR(pg_catalog.<>) ''),
  label     text NOT NULL CHECK (label OPERATOR(pg_catalog.=) ANY (ARRAY['PER', 'LOC', 'ORG', 'MISC'])),
  canonical text,
  origin    text NOT NULL DEFAULT 'user'
            CHECK (origin OPERATOR(pg_catalog.=) ANY (ARRAY['user', 'curated', 'icu', 'anercorp']))
);
CREATE INDEX ar_gazetteer_surface_idx ON @extschema@.ar_gazetteer (surface);
-- one user row per surface: a user row is authoritative, so it must be unambiguous
CREATE UNIQUE INDEX ar_gazetteer_user_surface_key ON @extschema@.ar_gazetteer (surface)
  WHERE origin OPERATOR(pg_catalog.=) 'user';
COMMENT ON TABLE @extschema@.ar_gazetteer IS
  'Names for ar_entities: surface form, label (PER, LOC, ORG, MISC), canonical form (NULL = the normalized surface), origin (user rows override the model; shipped rows are model features). Only the owner may write; every session sees changes in its next statement.';
COMMENT ON COLUMN @extschema@.ar_gazetteer.surface IS 'Name as written; matched after search normalization, word by word, also behind clitics (و ف ب ل ك ال).';
COMMENT ON COLUMN @extschema@.ar_gazetteer.label IS 'Entity label: PER, LOC, ORG or MISC.';
COMMENT ON COLUMN @extschema@.ar_gazetteer.canonical IS 'Canonical form reported by ar_entities for this name and its spelling variants; NULL means the normalized surface.';
COMMENT ON COLUMN @extschema@.ar_gazetteer.origin IS 'user (yours: dumped by pg_dump, overrides the model), or curated, icu, anercorp (shipped with the extension, used as model features).';

CREATE FUNCTION @extschema@._ar_gazetteer_shipped(
    OUT surface text, OUT label text, OUT canonical text, OUT origin text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'ar_gazetteer_shipped'
  LANGUAGE C STRICT VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@._ar_gazetteer_shipped() IS
  'Internal: rows of the shipped gazetteer file tsearch_data/pg_arabic_ner.gaz, loaded by CREATE EXTENSION.';

INSERT INTO @extschema@.ar_gazetteer (surface, label, canonical, origin)
  SELECT s.surface, s.label, s.canonical, s.origin FROM @extschema@._ar_gazetteer_shipped() s;

CREATE FUNCTION @extschema@._ar_gaz_row_hash(surface text, label text, canonical text, origin text)
  RETURNS bigint
  AS 'MODULE_PATHNAME', 'ar_gaz_row_hash_sql'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._ar_gaz_row_hash(text, text, text, text) IS
  'Internal: hash of one ar_gazetteer row; the count and the sum (modulo 2^64) of the shipped rows'' hashes tell each session whether the prebuilt gazetteer image (tsearch_data/pg_arabic_ner.gazimg) still matches the table.';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.ar_gazetteer', 'WHERE origin = ''user''');

CREATE FUNCTION @extschema@._ar_gazetteer_changed() RETURNS trigger
  AS 'MODULE_PATHNAME', 'ar_gazetteer_changed'
  LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@._ar_gazetteer_changed() IS
  'Internal trigger: invalidates the gazetteer cache of every session after a change to ar_gazetteer.';

-- its triggers: see the section on gazetteer versions at the end

REVOKE ALL ON TABLE @extschema@.ar_gazetteer FROM PUBLIC;
GRANT SELECT ON TABLE @extschema@.ar_gazetteer TO PUBLIC;
REVOKE ALL ON FUNCTION @extschema@._ar_gazetteer_shipped() FROM PUBLIC;

CREATE FUNCTION @extschema@.ar_entities(input text)
  RETURNS TABLE (entity text, label text, start_pos int, length int, canonical text, score real)
  AS 'MODULE_PATHNAME', 'ar_entities'
  LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE ROWS 20;
CREATE FUNCTION @extschema@.ar_entity_keys(input text)
  RETURNS text[]
  AS 'MODULE_PATHNAME', 'ar_entity_keys'
  LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_entity_keys(text) IS
  'Distinct entity keys of a text, sorted: label || '':'' || canonical form as ar_entities reports them (e.g. ''PER:سيرغي لافروف''). A scalar companion of ar_entities for GIN indexes (WHERE ar_entity_keys(body) @> ARRAY[...]) and for postgres_fdw, which ships scalar IMMUTABLE functions but never set-returning ones. Same volatility contract as ar_entities.';

COMMENT ON FUNCTION @extschema@.ar_entities(text) IS
  'Named entities (PER, LOC, ORG, MISC) of an Arabic text: the mention as written, its label, 1-based code-point start and length (substr(input, start_pos, length) = entity), a canonical form (clitics stripped, spelling variants and surname mentions unified) and a confidence score. Declared IMMUTABLE in the sense users need, like a text-search dictionary: the same input gives the same output for a given model file (the setting pg_arabic.ner_model) and gazetteer version, so it can feed expression indexes and generated columns and is shipped to postgres_fdw shards; after changing ar_gazetteer, installing a new model or changing pg_arabic.ner_model, rebuild what was derived from it (REINDEX, recompute stored columns). Set pg_arabic.ner_model per database or in postgresql.conf, never per role, session or function where indexes or stored columns depend on it: every writer and reader of derived data must use the same model. Each new statement sees committed gazetteer changes; a cached plan that folded a call on a constant keeps its result.';

-- ===================================================================
-- Section: dates and quotations (ar_dates, ar_quotes)
-- ===================================================================

-- Not STRICT on purpose: reference defaults to NULL (= leave relative dates
-- unresolved), and STRICT would turn every call without a reference into an
-- empty result.  A NULL input returns no rows.  IMMUTABLE: the result depends
-- only on the arguments and on the calendar tables of the linked ICU (Hijri
-- conversion, Umm al-Qura); like ICU collations, an ICU upgrade may change a
-- Hijri conversion, so re-index expression indexes on Hijri values after one.
CREATE FUNCTION @extschema@.ar_dates(
    input text, reference date DEFAULT NULL,
    OUT expression text, OUT value text, OUT start_pos integer, OUT length integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ar_dates'
LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE
ROWS 5;

COMMENT ON FUNCTION @extschema@.ar_dates(text, date) IS
'Find date expressions in Arabic text and normalize them to ISO 8601 / TIMEX3 values with unknown parts as X (13 أبريل 2017 -> 2017-04-13; 24 نيسان/أبريل -> XXXX-04-24; 15 رمضان 1440 هـ -> 2019-05-20 via ICU Umm al-Qura; أمس -> REF-P1D). With a reference date (e.g. the publication date) missing years, weekdays and relative expressions (أمس، الأسبوع الماضي، قبل ثلاثة أيام) are resolved. substr(input, start_pos, length) = expression. A NULL input gives no rows.';

CREATE FUNCTION @extschema@.ar_quotes(
    input text,
    OUT speaker text, OUT quote text, OUT start_pos integer, OUT length integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ar_quotes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 5;

COMMENT ON FUNCTION @extschema@.ar_quotes(text) IS
'Find quotations in Arabic text: text in «» “” "" (and &quot;/quot; debris) and reported speech after قال، أضاف، أكد، صرح، أعرب … (the clause after إن/أن or a colon), with the speaker resolved to the fullest written name of the person (persons are the PER entities of the ar_entities tagger, completed by title and speech-verb-subject guesses where the tagger found none; titles such as الوزير and verb-only attributions such as وأضاف resolve to earlier persons), or the noun phrase of an anonymous source; NULL when unknown. substr(input, start_pos, length) = quote. IMMUTABLE in the same sense as ar_entities: deterministic for a given model file (pg_arabic.ner_model) and gazetteer version (rebuild derived data after changing either).';

CREATE FUNCTION @extschema@.ar_quotes(
    input text, persons int4range[],
    OUT speaker text, OUT quote text, OUT start_pos integer, OUT length integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ar_quotes_persons'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 5;

COMMENT ON FUNCTION @extschema@.ar_quotes(text, int4range[]) IS
'Like ar_quotes(text), but speakers are chosen among the given PERSON spans (1-based character ranges [start_pos, start_pos + length), e.g. from an entity tagger) instead of guessed ones; an empty array means no person is known.';

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

-- Names across spellings and scripts (docs/names.md): transliteration, name keys,
-- name similarity and the ar_names text-search configuration.
CREATE FUNCTION @extschema@.ar_translit(input text, scheme text DEFAULT 'buckwalter') RETURNS text
  AS 'MODULE_PATHNAME', 'ar_translit_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_translit(text, text) IS 'Transliterate Arabic script: buckwalter, safe_buckwalter (both reversible by ar_untranslit, diacritics included) or names (learned readable romanization of names, word by word, separators kept, words capitalized)';
CREATE FUNCTION @extschema@.ar_untranslit(input text, scheme text DEFAULT 'buckwalter') RETURNS text
  AS 'MODULE_PATHNAME', 'ar_untranslit_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_untranslit(text, text) IS 'Arabic script of a transliteration: buckwalter, safe_buckwalter, or names (likeliest Arabic spelling of Latin-script names, learned, word by word, separators kept)';
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

-- ===================================================================
-- Section: loanword and foreign-name spelling variants in ar (option LoanwordFolding)
-- ===================================================================
-- The ar_stem dictionary (and so the ar and ar_names configurations) folds spelling variants
-- of loanwords and foreign names: ڤ پ گ چ ژ -> ف ب غ ج ج, listed second spellings of attested
-- loanwords (ديموقراطية -> ديمقراطية), and for words the lexicon does not know غ/ج and the ي
-- inside the word (كلنتون = كلينتون).  After updating, REINDEX indexes built on to_tsvector('ar', ...).
ALTER TEXT SEARCH DICTIONARY @extschema@.ar_stem (LoanwordFolding = on);
COMMENT ON TEXT SEARCH TEMPLATE @extschema@.ar_stem_template IS 'Arabic normalizing light stemmer; options StopWords, ProtectedWords, Plurals, Lexicon (file names in tsearch_data), Aggressiveness (0-3), Normalization (ar_normalize rule spec), LoanwordFolding (boolean: one stem for the spellings of a loanword or foreign name)';
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.ar_stem IS 'Arabic stemmer: search normalization, proclitic and suffix removal, protected words, broken plurals (list and lexicon-checked patterns), Arabic stopwords, spelling variants of loanwords and foreign names';
COMMENT ON FUNCTION @extschema@.ar_analyze(text) IS 'Why a word matches: per non-space token its normalized form, removed prefix, stem, removed suffix, stopword flag, 1-based character position and the rule behind the stem (list, pattern+lexicon, lexicon, light, loanword, stopword; ar_stem dictionary)';

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
