# fts_db.sh: sourced by test/eval/fts_eval.sh and test/eval/fts_halves.sh.
# Connects to (creating when missing) the evaluation database $db in a UTF-8
# locale (LOCALE 'C.UTF-8': the built-in `arabic` Snowball configuration needs
# a UTF-8 ctype), exports PGDATABASE and $ctype, and installs the current
# build of pg_arabic afresh.  Needs $db and a fail() function.
exists=$(psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'") \
  || fail "cannot connect (run: eval \"\$(test/devpg.sh DIR PORT)\")"
if [ -z "$exists" ]; then
  psql -X -q -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE $db LOCALE 'C.UTF-8' ENCODING 'UTF8' TEMPLATE template0" >/dev/null \
    || fail "cannot create database $db with LOCALE 'C.UTF-8'"
fi
export PGDATABASE=$db
ctype=$(psql -X -At -c "SELECT datctype FROM pg_database WHERE datname = current_database()")
case "$ctype" in C|POSIX) fail "database $db has lc_ctype=$ctype; drop it so that it is re-created with LOCALE 'C.UTF-8'";; esac
# always the extension as installed now (the scorers compare the current build)
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 \
  -c "DROP EXTENSION IF EXISTS pg_arabic CASCADE" -c "CREATE EXTENSION pg_arabic" >/dev/null \
  || fail "cannot install pg_arabic in database $db"
psql -X -At -v ON_ERROR_STOP=1 -c "SELECT 'ar'::regconfig, 'arabic'::regconfig" >/dev/null \
  || fail "text search configurations ar/arabic not found on the search_path"

