#!/usr/bin/env bash
# pg_arabic set-up, demo and test driver.
#
#   bash test/run.sh demo   install dependencies (apt), build, install, start a throwaway
#                           cluster, load the sample corpus (test/corpus) and run test/demo.sql
#   bash test/run.sh test   the same set-up, then every test suite; exits non-zero on any failure
#
# Runs as root on Debian 12 (apt-get, make install, runuser).  The cluster is private:
# data and socket in $PGARABIC_DIR (default /tmp/pg_arabic), port $PGARABIC_PORT (default
# 54329), trust authentication on the Unix socket only, no system service.  Skip the apt
# step with PGARABIC_SKIP_APT=1.
set -euo pipefail

mode=${1:-}
case "$mode" in demo|test) ;; *) echo "usage: bash test/run.sh demo|test" >&2; exit 2;; esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PGARABIC_DIR=${PGARABIC_DIR:-/tmp/pg_arabic}
export PGHOST=$PGARABIC_DIR PGPORT=${PGARABIC_PORT:-54329} PGUSER=postgres PGDATABASE=postgres
PGBIN=/usr/lib/postgresql/15/bin
# the system PostgreSQL 15 is what we install into and test, whatever the caller's environment says
export PG_CONFIG=$PGBIN/pg_config
unset PGOPTIONS PGSERVICE
SHARED=${PGARABIC_SHARED:-$root/../shared}
export PGARABIC_SHARED=$SHARED

step() { printf '\n==> %s\n' "$*"; }
as_pg() { runuser -u postgres -- "$@"; }

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
  apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold \
    postgresql-15 postgresql-server-dev-15 libicu-dev pkg-config make gcc libc6-dev \
    clang libclang-rt-14-dev python3 perl libipc-run-perl util-linux procps >/dev/null
}

build_install() {
  step "building and installing pg_arabic"
  make -s clean >/dev/null 2>&1 || true
  make -s -j2
  make -s install
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
need_shared() {
  if [ ! -d "$SHARED/data" ]; then
    echo "MISSING: $SHARED/data is needed by this suite (clone the repo next to shared/, or set PGARABIC_SHARED)" >&2
    return 1
  fi
}
suite core-unit make -s core-check
suite regress regress
suite fuzz-smoke make -s fuzz-smoke FUZZ_SECONDS="${FUZZ_SECONDS:-20}"
for t in test/suites/*.sh; do
  [ -e "$t" ] || continue
  suite "$(basename "$t" .sh)" bash "$t"
done

step "summary"
[ ${#failures[@]} -gt 0 ] && echo "failed suites: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
