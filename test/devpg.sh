#!/usr/bin/env bash
# Developer helper: a private, relocated copy of the system PostgreSQL (the newest
# installed major version, or $PGARABIC_PG_MAJOR) with this tree's pg_arabic installed
# into it, and a throwaway cluster on PORT.  Lets several work trees build and test side
# by side without touching the system installation.  When the system lacks the server
# headers (postgresql-server-dev-NN), they are fetched with apt-get download and unpacked
# into the copy only (nothing is installed or upgraded system-wide).
#
#   test/devpg.sh DIR PORT        build, install into DIR/pg, (re)start cluster DIR/data
#   test/devpg.sh DIR PORT stop   stop that cluster
# Then:  psql -h DIR -p PORT -U postgres
#        make PG_CONFIG=DIR/pg/usr/lib/postgresql/NN/bin/pg_config installcheck PGHOST=DIR PGPORT=PORT PGUSER=postgres
set -euo pipefail
dir=${1:?usage: test/devpg.sh DIR PORT [stop]}
port=${2:?usage: test/devpg.sh DIR PORT [stop]}
here=$(cd "$(dirname "$0")/.." && pwd)
major=${PGARABIC_PG_MAJOR:-$(ls /usr/lib/postgresql | sort -n | tail -1)}
bin=$dir/pg/usr/lib/postgresql/$major/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "${3:-}" = stop ]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop || true; exit 0; fi
mkdir -p "$dir"
if [ ! -x "$bin/postgres" ]; then
  mkdir -p "$dir/pg/usr/lib/postgresql" "$dir/pg/usr/share/postgresql"
  cp -a "/usr/lib/postgresql/$major" "$dir/pg/usr/lib/postgresql/"
  cp -a "/usr/share/postgresql/$major" "$dir/pg/usr/share/postgresql/"
fi
if [ ! -d "$dir/pg/usr/include/postgresql" ]; then
  mkdir -p "$dir/pg/usr/include"
  cp -a /usr/include/postgresql "$dir/pg/usr/include/"
fi
if [ ! -f "$dir/pg/usr/include/postgresql/$major/server/postgres.h" ]; then
  # server headers of the same major version (a newer minor release is ABI-compatible)
  mkdir -p "$dir/debs"
  (cd "$dir/debs" && apt-get download "postgresql-server-dev-$major" >/dev/null 2>&1) ||
    { echo "MISSING: server headers (install postgresql-server-dev-$major)" >&2; exit 1; }
  dpkg -x "$(ls "$dir"/debs/postgresql-server-dev-"$major"_*.deb | tail -1)" "$dir/debs/x"
  cp -a "$dir/debs/x/usr/include/postgresql/$major" "$dir/pg/usr/include/postgresql/"
fi
make -C "$here" -s PG_CONFIG="$bin/pg_config" install >/dev/null
if [ ! -f "$dir/data/PG_VERSION" ]; then
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
fi
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=''" start >/dev/null
echo "export PGHOST=$dir PGPORT=$port PGUSER=postgres PG_CONFIG=$bin/pg_config"
