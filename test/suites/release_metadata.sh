#!/usr/bin/env bash
# Suite (run by test/run.sh test): the release metadata agree.  The extension's version
# (default_version of pg_arabic.control) is the version of META.json (PGXN: VERSION.0, and of
# the extension it provides, whose install script must exist) and the upstream version of
# debian/changelog (VERSION-N); META.json is valid JSON.  (make dist names its tarball from
# pg_arabic.control itself.)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
v=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" pg_arabic.control)
[ -n "$v" ] || { echo "no default_version in pg_arabic.control" >&2; exit 1; }
bad=0
python3 - "$v" <<'PY' || bad=1
import json, os, sys
v = sys.argv[1]
semver = v if v.count('.') == 2 else v + '.0'
m = json.load(open('META.json', encoding='utf-8'))
errs = []
if m.get('version') != semver:
    errs.append('META.json version %r, expected %r' % (m.get('version'), semver))
p = m.get('provides', {}).get('pg_arabic', {})
if p.get('version') != semver:
    errs.append('META.json provides.pg_arabic.version %r, expected %r' % (p.get('version'), semver))
if p.get('file') != 'src/pg_arabic--%s.sql' % v or not os.path.isfile(p.get('file', '')):
    errs.append('META.json provides.pg_arabic.file %r: not src/pg_arabic--%s.sql, or missing' % (p.get('file'), v))
for k in ('name', 'abstract', 'maintainer', 'license', 'meta-spec'):
    if k not in m:
        errs.append('META.json lacks %s' % k)
for e in errs:
    print(e)
sys.exit(1 if errs else 0)
PY
deb=$(sed -n '1s/^pg-arabic (\([^)]*\)).*/\1/p' debian/changelog)
if [ "${deb%-*}" != "$v" ]; then echo "debian/changelog version $deb, expected $v-N"; bad=1; fi
echo "pg_arabic.control $v, META.json $(python3 -c 'import json;print(json.load(open("META.json"))["version"])'), debian/changelog $deb"
exit $bad
