#!/usr/bin/env bash
# Developer helper: a private, relocated copy of the system PostgreSQL 15 with
# this tree's pg_arabic installed into it, and a throwaway cluster on PORT.
# Lets several work trees build and test side by side without touching the
# system installation.
#
#   test/devpg.sh DIR PORT        build, install into DIR/pg, (re)start cluster DIR/data
#   test/devpg.sh DIR PORT stop   stop that cluster
# Then:  psql -h DIR -p PORT -U postgres
#        make PG_CONFIG=DIR/pg/usr/lib/postgresql/15/bin/pg_config installcheck PGHOST=DIR PGPORT=PORT PGUSER=postgres
set -euo pipefail
dir=${1:?usage: test/devpg.sh DIR PORT [stop]}
port=${2:?usage: test/devpg.sh DIR PORT [stop]}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$dir/pg/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "${3:-}" = stop ]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop || true; exit 0; fi
mkdir -p "$dir"
if [ ! -x "$bin/postgres" ]; then
  mkdir -p "$dir/pg/usr/lib/postgresql" "$dir/pg/usr/share/postgresql"
  cp -a /usr/lib/postgresql/15 "$dir/pg/usr/lib/postgresql/"
  cp -a /usr/share/postgresql/15 "$dir/pg/usr/share/postgresql/"
fi
if [ ! -d "$dir/pg/usr/include/postgresql" ]; then
  mkdir -p "$dir/pg/usr/include"
  cp -a /usr/include/postgresql "$dir/pg/usr/include/"
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
