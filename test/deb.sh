#!/usr/bin/env bash
# Debian package check: build postgresql-NN-pg-arabic from this tree the way Debian builds
# every PostgreSQL extension (debian/: pg_buildext, debian/pgversions, dh --with pgxs_loop),
# install the .deb with apt (which brings its dependencies), run the regression suite (make
# installcheck) against the installed files in a throwaway cluster (pg_buildext installcheck,
# i.e. debian/tests/installcheck), then purge the package again.
#
#   bash test/deb.sh                              as root on a Debian system it may change
#   PGARABIC_MATRIX=bookworm PGARABIC_MATRIX_CMD='bash test/deb.sh' bash test/run.sh matrix
#
# It installs the build dependencies and the package's with apt (which may upgrade the
# system's PostgreSQL packages), so run it in a throwaway system (the second form).  The
# build happens in $PGARABIC_DEB_DIR (default /srv/pg-arabic-deb, readable by the postgres
# user); the .deb files stay there.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ "$(id -u)" = 0 ] || { echo "run as root (apt-get, dpkg -i)" >&2; exit 1; }
out=${PGARABIC_DEB_DIR:-/srv/pg-arabic-deb}
version=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$root/pg_arabic.control")
src=$out/pg-arabic-$version
step() { printf '\n==> %s\n' "$*"; }

step "installing the packaging tools (apt)"
export DEBIAN_FRONTEND=noninteractive
if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
  mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends dpkg-dev debhelper postgresql-server-dev-all \
  postgresql-common make >/dev/null

step "copying the tree to $src"
rm -rf "$out"
mkdir -p "$src"
(cd "$root" && tar --exclude=.git -cf - .) | tar -C "$src" -xf -
chmod -R a+rX "$out"
cd "$src"
make -s clean PG_CONFIG="$(ls -d /usr/lib/postgresql/*/bin/pg_config | sort -V | tail -1)" >/dev/null 2>&1 || true
# debian/control lists one binary package per PostgreSQL version this system supports
pg_buildext updatecontrol
grep '^Package:' debian/control

step "installing the build dependencies (apt-get build-dep)"
apt-get build-dep -y -qq ./ >/dev/null

step "dpkg-buildpackage -b -us -uc"
t0=$(date +%s)
dpkg-buildpackage -b -us -uc >"$out/build.log" 2>&1 || { tail -60 "$out/build.log"; exit 1; }
# compiler warnings only (file:line:column: warning:), not packaging notices of dpkg-gencontrol
if grep -E '^[^ ]+:[0-9]+:[0-9]+: warning:' "$out/build.log"; then
  echo "compiler warnings in the package build" >&2; exit 1
fi
echo "built in $(($(date +%s) - t0)) s, no compiler warnings"
debs=("$out"/postgresql-*-pg-arabic_*.deb)
ls -l "${debs[@]}"

step "installing the .deb, then make installcheck against the installed files (pg_buildext installcheck)"
# apt installs the package's dependencies (postgresql-NN) as it would from a repository
apt-get install -y -qq "${debs[@]}" >/dev/null
dpkg -l "$(dpkg-deb -f "${debs[0]}" Package)" | tail -1
pkgs=$(for d in "${debs[@]}"; do dpkg-deb -f "$d" Package; done)
status=0
pg_buildext installcheck || status=$?

step "removing the package again"
# shellcheck disable=SC2086
dpkg --purge $pkgs
[ "$status" = 0 ] && echo "deb: ok ($pkgs)" || echo "deb: FAILED ($pkgs)"
exit "$status"
