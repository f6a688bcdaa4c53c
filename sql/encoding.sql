-- pg_arabic refuses non-UTF8 databases with a clear error.
CREATE DATABASE pg_arabic_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c pg_arabic_latin1
\set VERBOSITY default
-- no CONTEXT lines: PostgreSQL 18 adds the install script's line number to them
\set SHOW_CONTEXT never
CREATE EXTENSION pg_arabic;
\set SHOW_CONTEXT errors
\c contrib_regression
DROP DATABASE pg_arabic_latin1;
-- and installs in this UTF8 one
SELECT e.extname, e.extversion = a.default_version AS default_version
  FROM pg_extension e JOIN pg_available_extensions a ON a.name = e.extname
  WHERE e.extname = 'pg_arabic';
