#!/usr/bin/env bash
# Version matrix: `bash test/run.sh test` inside throwaway Debian systems built with
# debootstrap, one per release, each with the PostgreSQL and clang that release ships.
#
#   bash test/run.sh matrix                       trixie (PostgreSQL 17) and sid (18)
#   PGARABIC_MATRIX="bookworm trixie sid" bash test/run.sh matrix
#
# Runs as root on a Debian (or Ubuntu) host with network access to a Debian mirror.  For each
# release: debootstrap --variant=minbase into $PGARABIC_MATRIX_DIR/<release> (default
# /var/tmp/pg_arabic-matrix), copy this tree (its git files, committed or not, without build
# outputs) to /root/pg_arabic inside it (/root is mode 700 there, so the postgres user cannot
# read the clone: the suites must cope), bind-mount ../shared read-only at /root/shared, mount
# /proc, /dev/pts and a /dev/shm, run the test command in the chroot, unmount and delete the
# system.  The log of each release is kept in $PGARABIC_MATRIX_DIR/<release>.log.
#
#   PGARABIC_MIRROR        Debian mirror (default http://deb.debian.org/debian)
#   PGARABIC_MATRIX_KEEP=1 keep each system after its run (to inspect; delete it yourself)
#   PGARABIC_MATRIX_REUSE=1 run again in a kept system (fresh copy of the tree, no debootstrap)
#   PGARABIC_MATRIX_CMD    the command run in each system (default: bash test/run.sh test)
#
# Cost, measured on 2 cores (docs: "The version matrix"): about 35 s and 210 MB per
# debootstrap, then the apt step and the whole test command of the release.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
releases=${PGARABIC_MATRIX:-trixie sid}
mirror=${PGARABIC_MIRROR:-http://deb.debian.org/debian}
base=${PGARABIC_MATRIX_DIR:-/var/tmp/pg_arabic-matrix}
cmd=${PGARABIC_MATRIX_CMD:-bash test/run.sh test}
shared=${PGARABIC_SHARED:-$root/../shared}

[ "$(id -u)" = 0 ] || { echo "the matrix runs as root (debootstrap, chroot, mount)" >&2; exit 1; }
if ! command -v debootstrap >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi
mkdir -p "$base"

mounted=()
# Unmount what this script mounted, innermost first.
unmount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[$i]}" 2>/dev/null || umount -l "${mounted[$i]}"; done
  mounted=()
}
trap unmount_all EXIT
# mount ARGS... TARGET, remembered for unmount_all.
mnt() { mount "$@"; mounted+=("${*: -1}"); }

# Stop what the command left running inside the system $1 (a demo cluster, say): the
# processes whose root directory is $1, TERM then KILL.
stop_chroot_processes() {
  local sys p pids
  sys=$(readlink -f "$1")
  for sig in TERM KILL; do
    pids=()
    for p in /proc/[0-9]*; do
      [ "$(readlink "$p/root" 2>/dev/null)" = "$sys" ] && pids+=("${p#/proc/}")
    done
    [ ${#pids[@]} -gt 0 ] || return 0
    kill -s "$sig" "${pids[@]}" 2>/dev/null || true
    sleep 2
  done
}

# The files of this tree to copy: git's list (tracked and untracked, not ignored) if it is a
# checkout, else everything; build outputs are never copied.
tree_files() {
  if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
    git -C "$root" ls-files -z --cached --others --exclude-standard | xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh
  else
    (cd "$root" && find . -type f ! -path './.git/*' -print0)
  fi
}

# One release: build the system, run the command, report (adds a line to summary); returns
# the command's status.
run_release() {
  local rel=$1 sys=$base/$1 log=$base/$1.log t0 t1 rc=0 how=debootstrap
  t0=$(date +%s)
  if [ "${PGARABIC_MATRIX_REUSE:-0}" = 1 ] && [ -x "$sys/usr/bin/apt-get" ]; then
    echo "== $rel: reusing $sys (log: $log)"
    how=reused
    rm -rf "$sys/root/pg_arabic"
    : >"$log"
  else
    rm -rf "$sys"
    echo "== $rel: debootstrap (log: $log)"
    debootstrap --variant=minbase "$rel" "$sys" "$mirror" >"$log" 2>&1 ||
      { summary+=("matrix $rel: debootstrap FAILED (see $log)"); echo "${summary[-1]}"; return 1; }
  fi
  t1=$(date +%s)
  cp /etc/resolv.conf "$sys/etc/resolv.conf"
  # no daemons may start inside the chroot
  printf '#!/bin/sh\nexit 101\n' > "$sys/usr/sbin/policy-rc.d"
  chmod 755 "$sys/usr/sbin/policy-rc.d"
  # sid's Release file carries a Valid-Until date: a mirror snapshot older than a week (or a
  # host clock ahead of the mirror) makes apt refuse it; the throwaway system accepts it
  echo 'Acquire::Check-Valid-Until "false";' > "$sys/etc/apt/apt.conf.d/99pg-arabic-matrix"
  mkdir -p "$sys/root/pg_arabic" "$sys/root/shared" "$sys/dev/pts" "$sys/dev/shm"
  chmod 700 "$sys/root"
  (cd "$root" && tree_files | tar --null -T - -cf -) | tar -C "$sys/root/pg_arabic" -xf -
  { mnt -t proc proc "$sys/proc" &&
    mnt -t devpts -o newinstance,ptmxmode=0666 devpts "$sys/dev/pts" &&
    mnt -t tmpfs -o mode=1777 shm "$sys/dev/shm" &&
    if [ -d "$shared" ]; then
      mnt --bind "$shared" "$sys/root/shared" && mount -o remount,bind,ro "$sys/root/shared"
    fi; } || { echo "matrix $rel: mounting FAILED"; unmount_all; return 1; }
  echo "== $rel: $cmd"
  chroot "$sys" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    TERM=dumb PGARABIC_SHARED=/root/shared ${FUZZ_SECONDS:+FUZZ_SECONDS=$FUZZ_SECONDS} \
    bash -c "cd /root/pg_arabic && $cmd" >>"$log" 2>&1 || rc=$?
  stop_chroot_processes "$sys"
  local pg disk
  pg=$(ls "$sys/usr/lib/postgresql" 2>/dev/null | sort -n | tail -1)
  unmount_all
  disk=$(du -sxm "$sys" | cut -f1)    # after unmounting: ../shared is not counted
  [ "${PGARABIC_MATRIX_KEEP:-0}" = 1 ] || rm -rf "$sys"
  { grep -E '^suite .*: ' "$log"; grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1; } | sed "s/^/  $rel: /" || true
  summary+=("$(printf 'matrix %s: %s (PostgreSQL %s; %s %ds, total %ds, %d MB on disk)' "$rel" \
    "$([ $rc = 0 ] && echo ok || echo "FAILED rc=$rc")" "${pg:-?}" "$how" $((t1 - t0)) $(($(date +%s) - t0)) "$disk")")
  echo "${summary[-1]}"
  return $rc
}

failed=()
summary=()
for rel in $releases; do
  run_release "$rel" || failed+=("$rel")
done
echo
printf '%s\n' "${summary[@]}"
[ ${#failed[@]} -eq 0 ] || { echo "matrix failed on: ${failed[*]}"; exit 1; }
