/* src/pg_arabic--0.3--0.4.sql — upgrade of pg_arabic from 0.3 to 0.4 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '0.4'" to load this file. \quit

-- What 0.4 changes in the database, one section per change; every object added or changed
-- here is added or changed the same way in src/pg_arabic--0.4.sql (test/t/050_upgrade.pl
-- compares an updated database with a fresh install).
