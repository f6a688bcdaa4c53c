#!/usr/bin/env bash
# Run the pg_regress suite (make installcheck) against a throwaway cluster whose
# postmaster and every backend run under valgrind memcheck.
#
#   bash test/valgrind.sh                      # PG_CONFIG from the environment or PATH
#   PG_CONFIG=/tmp/pga-rel/pg/usr/lib/postgresql/15/bin/pg_config bash test/valgrind.sh
#   VALGRIND_SUPP=/path/to/postgres/src/tools/valgrind.supp bash test/valgrind.sh   # add upstream's file
#
# pg_arabic must be installed in that PostgreSQL (make install).  Suppressions:
# test/valgrind/postgres.supp (PostgreSQL's own harmless reports only, nothing of
# pg_arabic).  One log per process in $VG_DIR/vg.<pid>.log (default: a mktemp dir,
# kept).  Prints the error count per log with a pg_arabic frame and in all; exits 1 if
# valgrind reported any error, or if pg_regress failed.  Takes ~5-15 minutes.
#
# Limits: the Debian PostgreSQL is not built with USE_VALGRIND, so palloc chunks inside
# a memory-context block are not instrumented: reads of uninitialised memory and
# accesses outside malloc'd blocks are found, an overrun into a neighbouring palloc
# chunk is not.  The core's own allocator runs are checked by ASan in the fuzzers.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
PG_CONFIG=${PG_CONFIG:-$(command -v pg_config || echo /usr/lib/postgresql/15/bin/pg_config)}
bindir=$($PG_CONFIG --bindir)
port=${VG_PORT:-55499}
dir=${VG_DIR:-$(mktemp -d /tmp/pg_arabic_vg.XXXXXX)}
mkdir -p "$dir"
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; as_pg=(runuser -u postgres --); fi
command -v valgrind >/dev/null || { echo "MISSING: valgrind (apt-get install valgrind)" >&2; exit 1; }
supp=(--suppressions="$root/test/valgrind/postgres.supp")
[ -n "${VALGRIND_SUPP:-}" ] && supp+=(--suppressions="$VALGRIND_SUPP")

"${as_pg[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null || exit 1
echo "valgrind: starting postgres under valgrind in $dir (port $port)"
"${as_pg[@]}" valgrind --quiet --trace-children=yes --track-origins=yes --read-var-info=no \
  --num-callers=40 --error-limit=no --leak-check=no --gen-suppressions=all "${supp[@]}" \
  --log-file="$dir/vg.%p.log" \
  "$bindir/postgres" -D "$dir/data" -p "$port" -k "$dir" -c listen_addresses='' \
  -c max_parallel_workers_per_gather=0 -c autovacuum=off >"$dir/server.log" 2>&1 &
for _ in $(seq 1 300); do "$bindir/pg_isready" -q -h "$dir" -p "$port" && break; sleep 1; done
"$bindir/pg_isready" -q -h "$dir" -p "$port" || { echo "server did not start under valgrind" >&2; tail "$dir/server.log"; exit 1; }
start=$(date +%s)
make -C "$root" -s PG_CONFIG="$PG_CONFIG" installcheck PGHOST="$dir" PGPORT="$port" PGUSER=postgres \
  EXTRA_REGRESS_OPTS="--outputdir=$dir/regress" ; rc=$?
echo "valgrind: installcheck exit $rc after $(( $(date +%s) - start )) s"
"${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 300 stop >/dev/null
sleep 2
total=0; ours=0
for f in "$dir"/vg.*.log; do
  n=$(grep -c '^==[0-9]*== [A-Z].*\(Invalid\|uninitialised\|Conditional jump\|Syscall param\|Mismatched\|overlap\)' "$f")
  if [ "$n" -gt 0 ]; then
    m=$(grep -c 'pg_arabic\|src/core/\|src/pg/' "$f")
    echo "valgrind: $f: $n error(s), $m line(s) naming pg_arabic code"
    total=$((total + n)); ours=$((ours + m))
  fi
done
echo "valgrind: $(ls "$dir"/vg.*.log | wc -l) process logs, $total error(s), $ours line(s) naming pg_arabic code; logs in $dir"
[ "$rc" -eq 0 ] && [ "$total" -eq 0 ]
