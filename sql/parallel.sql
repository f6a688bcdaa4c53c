-- Scale-out: every user-facing function of the extension is PARALLEL SAFE (so
-- parallel scans and distributed engines can run it in workers/shards) and none is
-- VOLATILE.  User-facing = callable from SQL by PUBLIC: not a trigger function, no
-- internal argument or result (parser/dictionary support), EXECUTE granted to PUBLIC.
-- Over the catalogs, so functions added later are covered.  Lists offenders.
CREATE TEMP VIEW regress_ext_functions AS
SELECT p.oid, p.oid::regprocedure AS fn, p.proparallel, p.provolatile,
       p.prorettype NOT IN ('trigger'::regtype, 'internal'::regtype)
       AND NOT ('internal'::regtype = ANY (p.proargtypes::oid[]))
       AND has_function_privilege('public', p.oid, 'EXECUTE') AS user_facing
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic';

SELECT fn AS not_parallel_safe, proparallel FROM regress_ext_functions
WHERE user_facing AND proparallel <> 's' ORDER BY 1;

SELECT fn AS volatile_function FROM regress_ext_functions
WHERE user_facing AND provolatile = 'v' ORDER BY 1;

SELECT count(*) > 0 AS has_user_facing_functions FROM regress_ext_functions WHERE user_facing;

-- A forced parallel plan runs our functions in workers and gives the serial result.
CREATE TABLE regress_par AS
SELECT g AS id, 'قال الوزير في الرياض إن الاقتصاد السعودي نما ' || g || ' بالمئة' AS t
FROM generate_series(1, 2000) g;
ANALYZE regress_par;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT count(*), sum(length(ar_normalize(t))) FROM regress_par WHERE ar_normalize(t) LIKE '%الاقتصاد%';
CREATE TEMP TABLE regress_par_parallel AS
SELECT count(*) AS n, sum(length(ar_normalize(t))) AS chars,
       (SELECT count(*) FROM regress_par p2, ar_tokenize(p2.t)) AS tokens
FROM regress_par WHERE ar_normalize(t) LIKE '%الاقتصاد%';
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
SELECT (SELECT n FROM regress_par_parallel) = count(*) AS same_count,
       (SELECT chars FROM regress_par_parallel) = sum(length(ar_normalize(t))) AS same_chars,
       (SELECT tokens FROM regress_par_parallel) = (SELECT count(*) FROM regress_par p2, ar_tokenize(p2.t)) AS same_tokens
FROM regress_par WHERE ar_normalize(t) LIKE '%الاقتصاد%';
RESET max_parallel_workers_per_gather;
DROP TABLE regress_par;
