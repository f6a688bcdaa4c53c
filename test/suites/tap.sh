#!/usr/bin/env bash
# TAP suite: runs every test/t/*.pl (PostgreSQL::Test::Cluster) with prove against the
# PostgreSQL installation of $PG_CONFIG (default: pg_config on PATH, else the Debian
# PostgreSQL of test/run.sh).  pg_arabic must already be installed there (make install).
#
#   bash test/suites/tap.sh                      all tests
#   bash test/suites/tap.sh test/t/001_crash.pl  some of them
#   PG_CONFIG=/tmp/pga-rel/pg/usr/lib/postgresql/15/bin/pg_config bash test/suites/tap.sh
#
# PostgreSQL refuses to run as root, so as root the tests run as the postgres user in a
# scratch directory that user owns (kept on failure for the logs: tmp_check/log), with a copy
# of what the tests read from the tree (test/t, test/corpus): the clone itself may be where
# that user cannot enter (under /root, mode 700).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
PG_CONFIG=${PG_CONFIG:-$(command -v pg_config || ls -d /usr/lib/postgresql/*/bin/pg_config 2>/dev/null | sort -V | tail -1)}
[ -n "$PG_CONFIG" ] || { echo "MISSING: pg_config (install postgresql-server-dev-NN, or set PG_CONFIG)" >&2; exit 1; }
bindir=$($PG_CONFIG --bindir)
pgxs=$($PG_CONFIG --pkglibdir)/pgxs
perl_lib=$pgxs/src/test/perl
if [ ! -f "$perl_lib/PostgreSQL/Test/Cluster.pm" ]; then
  echo "MISSING: $perl_lib/PostgreSQL/Test/Cluster.pm (install postgresql-server-dev-$($PG_CONFIG --version | sed 's/[^0-9]*\([0-9]*\).*/\1/'))" >&2
  exit 1
fi
perl -MIPC::Run -e1 2>/dev/null || { echo "MISSING: perl IPC::Run (apt-get install libipc-run-perl)" >&2; exit 1; }
if [ $# -gt 0 ]; then tests=("$@"); else tests=("$root"/test/t/*.pl); fi

# Older versions' full install scripts are test fixtures (test/upgrade/): only the current
# full script and the upgrade scripts ship.  050_upgrade.pl installs each older version, so
# the fixtures are copied into the installation's extension directory for the run and
# removed afterwards (only those this run added).
extdir=$($PG_CONFIG --sharedir)/extension
fixtures=()
for f in "$root"/test/upgrade/pg_arabic--*.sql; do
  [ -e "$extdir/$(basename "$f")" ] && continue
  cp "$f" "$extdir/" && fixtures+=("$extdir/$(basename "$f")")
done

# 041_bad_model.pl writes damaged model files into tsearch_data (the server reads models
# from there only): empty placeholders the run user may write, removed afterwards.
tsdata=$($PG_CONFIG --sharedir)/tsearch_data
for n in truncated short empty magic version features checksum swap; do
  f=$tsdata/pgatap_$n.model
  [ -e "$f" ] && continue
  : > "$f" && fixtures+=("$f")
  if [ "$(id -u)" = 0 ]; then chown postgres: "$f"; fi
done

work=$(mktemp -d /tmp/pg_arabic_tap.XXXXXX)
mkdir -p "$work/tree/test"
cp -r "$root/test/t" "$root/test/corpus" "$work/tree/test/"
abs=()
for t in "${tests[@]}"; do abs+=("$work/tree/test/t/$(basename "$t")"); done
runner=()
if [ "$(id -u)" = 0 ]; then chown -R postgres: "$work"; runner=(runuser -u postgres --); fi
cleanup() { rm -f "${fixtures[@]}"; if [ "${keep:-0}" = 0 ]; then rm -rf "$work"; else echo "TAP logs kept in $work/tmp_check/log" >&2; fi; }
trap cleanup EXIT
keep=1
cd "$work"
"${runner[@]}" env PATH="$bindir:$PATH" PERL5LIB="$perl_lib${PERL5LIB:+:$PERL5LIB}" \
  PG_REGRESS="$pgxs/src/test/regress/pg_regress" PGARABIC_ROOT="$work/tree" \
  TESTDIR="$work" TESTDATADIR="$work/tmp_check" TESTLOGDIR="$work/tmp_check/log" \
  PGARABIC_SHARED="${PGARABIC_SHARED:-$root/../shared}" \
  prove -v --timer -I "$work/tree/test/t" "${abs[@]}"
keep=0
