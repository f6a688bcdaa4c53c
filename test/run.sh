#!/usr/bin/env bash
# pg_arabic set-up, demo and test driver.
#
#   bash test/run.sh demo    install dependencies (apt), build, install, start a throwaway
#                            cluster, load the sample corpus (test/corpus) and run test/demo.sql
#   bash test/run.sh test    the same set-up, then every test suite; exits non-zero on any failure
#   bash test/run.sh matrix  `test` inside throwaway Debian 13 (trixie) and sid systems built
#                            with debootstrap (test/matrix.sh; PGARABIC_MATRIX chooses the systems)
#
# Runs as root on Debian 12, 13 or sid (apt-get, make install, runuser).  The PostgreSQL major
# version is the one the distribution's `postgresql` package depends on (15 on Debian 12, 17
# on 13, 18 on sid); PGARABIC_PG_MAJOR=NN overrides it.  The cluster is private: data and
# socket in $PGARABIC_DIR (default /tmp/pg_arabic), port $PGARABIC_PORT (default 54329), trust
# authentication on the Unix socket only, no system service.  Skip the apt step with
# PGARABIC_SKIP_APT=1.
set -euo pipefail

mode=${1:-}
case "$mode" in demo|test) ;; matrix) exec bash "$(dirname "${BASH_SOURCE[0]}")/matrix.sh";;
  *) echo "usage: bash test/run.sh demo|test|matrix" >&2; exit 2;; esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PGARABIC_DIR=${PGARABIC_DIR:-/tmp/pg_arabic}
export PGHOST=$PGARABIC_DIR PGPORT=${PGARABIC_PORT:-54329} PGUSER=postgres PGDATABASE=postgres
unset PGOPTIONS PGSERVICE PG_MAJOR   # PG_MAJOR: set below (PGARABIC_PG_MAJOR overrides)
SHARED=${PGARABIC_SHARED:-$root/../shared}
export PGARABIC_SHARED=$SHARED

step() { printf '\n==> %s\n' "$*"; }
as_pg() { runuser -u postgres -- "$@"; }

# The NN of the $1-NN package that package $1 (a distribution's default-version
# package: postgresql, clang) depends on, from apt's candidate version; empty if unknown.
default_major() {
  apt-cache depends --no-recommends --no-suggests "$1" 2>/dev/null |
    sed -n "s/^ *Depends: $1-\([0-9][0-9]*\)\$/\1/p" | head -1
}

# PostgreSQL major version to build and test against: $PGARABIC_PG_MAJOR, else the one the
# distribution's postgresql package depends on, else the newest installed server.
pg_major() {
  local m=${PGARABIC_PG_MAJOR:-}
  [ -n "$m" ] || m=$(default_major postgresql)
  [ -n "$m" ] || m=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  [ -n "$m" ] || { echo "cannot tell the PostgreSQL major version: set PGARABIC_PG_MAJOR" >&2; exit 1; }
  echo "$m"
}

install_deps() {
  if [ -n "${PGARABIC_SKIP_APT:-}" ]; then return; fi
  if [ "$(id -u)" != 0 ]; then echo "run as root (apt-get, make install)" >&2; exit 1; fi
  step "installing dependencies (apt)"
  # our cluster is private: keep the package from creating and starting a system cluster
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  PG_MAJOR=$(pg_major)
  # the fuzzers need the sanitizer/fuzzer runtime of the release's default clang
  local clang_major rt=()
  clang_major=$(default_major clang)
  [ -n "$clang_major" ] && rt=("libclang-rt-$clang_major-dev")
  echo "PostgreSQL $PG_MAJOR, clang ${clang_major:-(default)}"
  apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold \
    "postgresql-$PG_MAJOR" "postgresql-server-dev-$PG_MAJOR" libicu-dev pkg-config make gcc libc6-dev \
    clang "${rt[@]}" python3 perl libipc-run-perl util-linux procps >/dev/null
}

build_log=
build_install() {
  step "building and installing pg_arabic"
  make -s clean >/dev/null 2>&1 || true
  build_log=$(make -s -j2 2>&1) || { printf '%s\n' "$build_log"; exit 1; }
  [ -z "$build_log" ] || printf '%s\n' "$build_log"
  make -s install
}

# Suite build-warnings: the build above printed no compiler warning (-Wall -Wextra).
no_warnings() {
  local cc
  cc=$("$PG_CONFIG" --cc)
  echo "$($cc --version | head -1), PostgreSQL $PG_MAJOR"
  if grep -q 'warning:' <<<"$build_log"; then grep 'warning:' <<<"$build_log"; return 1; fi
}

start_cluster() {
  step "starting a throwaway cluster in $PGARABIC_DIR on port $PGPORT"
  if [ -f "$PGARABIC_DIR/data/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGARABIC_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGARABIC_DIR"
  mkdir -p "$PGARABIC_DIR"
  chown postgres: "$PGARABIC_DIR"
  as_pg "$PGBIN/initdb" -D "$PGARABIC_DIR/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$PGARABIC_DIR/data" -l "$PGARABIC_DIR/server.log" -w \
    -o "-p $PGPORT -k $PGARABIC_DIR -c listen_addresses=''" start >/dev/null
}

stop_cluster() {
  as_pg "$PGBIN/pg_ctl" -D "$PGARABIC_DIR/data" -m fast stop >/dev/null 2>&1 || true
}

# SQL that loads test/corpus/NN_*.txt (title, date, body) into table articles.
corpus_sql() {
  echo "DROP TABLE IF EXISTS articles;"
  echo "CREATE TABLE articles(id int PRIMARY KEY, title text NOT NULL, published date, body text NOT NULL);"
  local f id
  for f in test/corpus/[0-9]*.txt; do
    id=$(basename "$f" | cut -d_ -f1)
    printf 'INSERT INTO articles VALUES (%d, $c$%s$c$, %s, $c$%s$c$);\n' "$((10#$id))" \
      "$(sed -n 1p "$f")" "'$(sed -n 2p "$f")'" "$(sed -n '3,$p' "$f")"
  done
}

install_deps
PG_MAJOR=${PG_MAJOR:-$(pg_major)}   # set by install_deps unless PGARABIC_SKIP_APT
PGBIN=/usr/lib/postgresql/$PG_MAJOR/bin
# the system PostgreSQL is what we install into and test, whatever the caller's environment says
export PG_CONFIG=$PGBIN/pg_config
[ -x "$PG_CONFIG" ] || { echo "MISSING: $PG_CONFIG (install postgresql-server-dev-$PG_MAJOR)" >&2; exit 1; }
build_install
start_cluster

if [ "$mode" = demo ]; then
  step "loading the sample corpus and running the demo (test/demo.sql)"
  psql -X -q -c "CREATE DATABASE pg_arabic_demo"
  corpus_sql | psql -X -q -v ON_ERROR_STOP=1 -d pg_arabic_demo
  psql -X -v ON_ERROR_STOP=1 -d pg_arabic_demo -f test/demo.sql
  step "the demo cluster is still running"
  echo "  psql -h $PGHOST -p $PGPORT -U postgres pg_arabic_demo"
  echo "  stop it with: runuser -u postgres -- $PGBIN/pg_ctl -D $PGARABIC_DIR/data stop"
  exit 0
fi

trap stop_cluster EXIT
passed=0; failed=0; failures=()
suite() {
  local name=$1; shift
  step "suite: $name"
  if "$@"; then passed=$((passed + 1)); echo "suite $name: ok"
  else failed=$((failed + 1)); failures+=("$name"); echo "suite $name: FAILED"; fi
}
regress() {
  if make -s installcheck; then return 0; fi
  [ -f regression.diffs ] && head -200 regression.diffs
  return 1
}
# Suite regress-locales: make installcheck again on throwaway clusters of other locales (the
# main cluster is C): libc C.UTF-8, and ICU ar-EG (collation and character classes of Arabic,
# available without generating system locales).
regress_locales() {
  local d=$PGARABIC_DIR/locales rc=0 opts
  for opts in "--locale=C.UTF-8" "--locale=C.UTF-8 --locale-provider=icu --icu-locale=ar-EG"; do
    rm -rf "$d"; mkdir -p "$d"; chown postgres: "$d"
    echo "cluster: $opts"
    # shellcheck disable=SC2086
    as_pg "$PGBIN/initdb" -D "$d/data" -U postgres --auth=trust --encoding=UTF8 $opts >/dev/null &&
      as_pg "$PGBIN/pg_ctl" -D "$d/data" -l "$d/server.log" -w \
        -o "-p $PGPORT -k $d -c listen_addresses=''" start >/dev/null || { rc=1; continue; }
    if ! PGHOST=$d make -s installcheck; then rc=1; [ -f regression.diffs ] && head -100 regression.diffs; fi
    as_pg "$PGBIN/pg_ctl" -D "$d/data" -m fast stop >/dev/null || true
  done
  rm -rf "$d"
  return $rc
}
need_shared() {
  if [ ! -d "$SHARED/data" ]; then
    echo "MISSING: $SHARED/data is needed by this suite (clone the repo next to shared/, or set PGARABIC_SHARED)" >&2
    return 1
  fi
}
suite build-warnings no_warnings
suite core-unit make -s core-check
suite regress regress
suite regress-locales regress_locales
suite fuzz-smoke make -s fuzz-smoke FUZZ_SECONDS="${FUZZ_SECONDS:-20}"
for t in test/suites/*.sh; do
  [ -e "$t" ] || continue
  suite "$(basename "$t" .sh)" bash "$t"
done

step "summary"
[ ${#failures[@]} -gt 0 ] && echo "failed suites: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
