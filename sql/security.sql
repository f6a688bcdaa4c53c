-- Security of the installed objects: fixed function bodies, no dependence on the
-- caller's search_path, extension tables not writable by ordinary users.
-- Every check is over the catalogs (pg_depend on the extension), so objects added
-- to the install script later are covered without editing this file.

-- 1. Every function has a fixed body: C (a symbol in the module), or SQL/PL with a
--    pinned search_path or a pre-parsed SQL-standard body.  Lists offenders.
SELECT p.oid::regprocedure AS function_without_fixed_body
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
JOIN pg_language l ON l.oid = p.prolang
WHERE NOT (l.lanname IN ('c', 'internal')
           OR p.prosqlbody IS NOT NULL
           OR EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%'))
ORDER BY 1;

-- C functions point at this module, never at another library.
SELECT p.oid::regprocedure AS c_function_elsewhere
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
  AND p.probin NOT LIKE '%pg_arabic'
ORDER BY 1;

-- No SECURITY DEFINER functions.
SELECT p.oid::regprocedure AS security_definer_function
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
WHERE p.prosecdef
ORDER BY 1;

-- 2. A hostile schema first in search_path, shadowing our functions, common
--    built-ins, the text equality operator, a text-search configuration `ar`, and
--    (if it exists) an empty look-alike of the gazetteer table.
CREATE SCHEMA regress_evil;
CREATE FUNCTION regress_evil.ar_normalize(text, text) RETURNS text
  LANGUAGE sql AS $$ SELECT 'EVIL' $$;
CREATE FUNCTION regress_evil.ar_tokenize(text, OUT pos integer, OUT token text, OUT kind text,
  OUT start_pos integer, OUT length integer) RETURNS SETOF record
  LANGUAGE sql AS $$ SELECT 1, 'EVIL', 'evil', 1, 4 $$;
CREATE FUNCTION regress_evil.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT 'EVIL' $$;
CREATE FUNCTION regress_evil.upper(text) RETURNS text LANGUAGE sql AS $$ SELECT 'EVIL' $$;
CREATE FUNCTION regress_evil.length(text) RETURNS integer LANGUAGE sql AS $$ SELECT -1 $$;
CREATE FUNCTION regress_evil.to_tsvector(regconfig, text) RETURNS tsvector
  LANGUAGE sql AS $$ SELECT 'evil'::pg_catalog.tsvector $$;
CREATE FUNCTION regress_evil.texteq(text, text) RETURNS boolean
  LANGUAGE sql AS $$ SELECT false $$;
CREATE OPERATOR regress_evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = regress_evil.texteq);
CREATE TEXT SEARCH CONFIGURATION regress_evil.ar (COPY = pg_catalog.simple);
DO $$
BEGIN
  IF to_regclass('public.ar_gazetteer') IS NOT NULL THEN
    EXECUTE 'CREATE TABLE regress_evil.ar_gazetteer (LIKE public.ar_gazetteer INCLUDING ALL)';
  END IF;
END $$;

-- Every extension function callable with one text argument (the rest defaulted) gives
-- the same result under search_path = regress_evil, public, pg_catalog (pg_catalog
-- last, so shadowed built-ins and operators win) as under the default path.
-- Lists functions whose results differ (or that fail only under the hostile path).
CREATE TABLE regress_sp_inputs(t text);
INSERT INTO regress_sp_inputs VALUES
  ('قال وزير الخارجية السعودي فيصل بن فرحان في الرياض يوم ١٢ مارس ٢٠٢٤: «السلام خيارنا».'),
  ('أعلنت شركة أرامكو أرباحها؛ وارتفع سهمها ٣٪ في بورصة تداول'),
  ('ﺍﻟﻌﺮﺑﻴﺔ ـــ مُحمّد &amp; إبراهيم');
CREATE FUNCTION regress_sp_results(path text)
RETURNS TABLE(fn text, input text, result text) LANGUAGE plpgsql AS $$
DECLARE f record; r record; res text;
BEGIN
  FOR f IN
    SELECT p.oid::regprocedure::text AS sig,
           quote_ident(n.nspname) || '.' || quote_ident(p.proname) AS name, p.proretset
    FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
    WHERE p.pronargs >= 1 AND p.proargtypes[0] = 'text'::regtype
      AND p.pronargs - p.pronargdefaults <= 1
  LOOP
    FOR r IN SELECT t FROM regress_sp_inputs LOOP
      PERFORM set_config('search_path', path, true);
      BEGIN
        IF f.proretset THEN
          EXECUTE format('SELECT string_agg(x::text, %L) FROM %s($1) x', E'\n', f.name) INTO res USING r.t;
        ELSE
          EXECUTE format('SELECT (%s($1))::text', f.name) INTO res USING r.t;
        END IF;
      EXCEPTION WHEN others THEN res := 'ERROR ' || SQLSTATE || ' ' || SQLERRM;
      END;
      PERFORM set_config('search_path', 'public', true);
      fn := f.sig; input := r.t; result := res;
      RETURN NEXT;
    END LOOP;
  END LOOP;
END $$;
CREATE TEMP TABLE regress_sp_normal AS SELECT * FROM regress_sp_results('public');
CREATE TEMP TABLE regress_sp_hostile AS SELECT * FROM regress_sp_results('regress_evil, public, pg_catalog');
SELECT count(*) > 0 AS compared_some_functions FROM regress_sp_normal;
SELECT n.fn AS differs_under_hostile_search_path, n.result AS normal, h.result AS hostile
FROM regress_sp_normal n JOIN regress_sp_hostile h USING (fn, input)
WHERE n.result IS DISTINCT FROM h.result
ORDER BY 1;
-- the hostile objects do work (the comparison is meaningful)
SET search_path = regress_evil, public, pg_catalog;
SELECT ar_normalize('أحمد', 'search') AS shadowed_call, public.ar_normalize('أحمد', 'search') AS qualified_call;
SELECT 'a' = 'a' AS shadowed_equality;
RESET search_path;

-- Same for text search with each configuration of the extension (lists differences).
CREATE TEMP TABLE regress_ts_configs AS
SELECT c.oid AS cfg FROM pg_ts_config c
JOIN pg_depend d ON d.classid = 'pg_ts_config'::regclass AND d.objid = c.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic';
CREATE TEMP TABLE regress_ts_normal AS
SELECT k.cfg, i.t, to_tsvector(k.cfg::regconfig, i.t)::text AS v FROM regress_ts_configs k, regress_sp_inputs i;
SET search_path = regress_evil, public, pg_catalog;
CREATE TEMP TABLE regress_ts_hostile AS
SELECT k.cfg, i.t, pg_catalog.to_tsvector(k.cfg::pg_catalog.regconfig, i.t)::pg_catalog.text AS v
FROM pg_temp.regress_ts_configs k, public.regress_sp_inputs i;
RESET search_path;
SELECT n.cfg::regconfig AS config_differs_under_hostile_search_path
FROM regress_ts_normal n JOIN regress_ts_hostile h USING (cfg, t)
WHERE n.v IS DISTINCT FROM h.v
ORDER BY 1;

-- 3. Extension tables are writable only by their owner: an ordinary role has no
--    INSERT/UPDATE/DELETE/TRUNCATE on any of them (lists offenders), may read them,
--    and an actual write attempt fails with insufficient_privilege.
CREATE ROLE regress_pga_user LOGIN;
GRANT SELECT ON regress_sp_inputs TO regress_pga_user;
SELECT c.oid::regclass AS table_writable_by_ordinary_role, priv
FROM pg_class c
JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic',
     unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) priv
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND has_table_privilege('regress_pga_user', c.oid, priv)
ORDER BY 1, 2;
SELECT c.oid::regclass AS table_not_readable_by_ordinary_role
FROM pg_class c
JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
WHERE c.relkind IN ('r', 'p', 'v', 'm')
  AND NOT has_table_privilege('regress_pga_user', c.oid, 'SELECT')
ORDER BY 1;
DO $$
DECLARE t regclass;
BEGIN
  FOR t IN
    SELECT c.oid::regclass FROM pg_class c
    JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
    WHERE c.relkind = 'r'
  LOOP
    SET LOCAL ROLE regress_pga_user;
    BEGIN
      EXECUTE format('INSERT INTO %s DEFAULT VALUES', t);
      RAISE EXCEPTION 'an ordinary role could insert into %', t;
    EXCEPTION WHEN insufficient_privilege THEN NULL;
    END;
    BEGIN
      EXECUTE format('DELETE FROM %s', t);
      RAISE EXCEPTION 'an ordinary role could delete from %', t;
    EXCEPTION WHEN insufficient_privilege THEN NULL;
    END;
    RESET ROLE;
  END LOOP;
END $$;

-- An ordinary role can call every function of the extension that takes one text
-- argument (no hidden dependency on superuser-only objects); lists failures.
SET ROLE regress_pga_user;
SELECT DISTINCT n.fn AS fails_for_ordinary_role, n.result
FROM regress_sp_results('public') n
WHERE n.result LIKE 'ERROR %'
ORDER BY 1;
RESET ROLE;

DROP FUNCTION regress_sp_results(text);
DROP TABLE regress_sp_inputs;
SET client_min_messages = warning;
DROP SCHEMA regress_evil CASCADE;
RESET client_min_messages;
DROP ROLE regress_pga_user;
