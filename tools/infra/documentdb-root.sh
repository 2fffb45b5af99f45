#!/usr/bin/env bash
# Builds a Debian sid root holding PostgreSQL 18 with the DocumentDB extension (and pg_cron), the
# storage FerretDB 2 needs. Debian has postgresql-18-documentdb only in sid, so it cannot come from
# the host's own (stable) packages; a minbase debootstrap into a directory is the smallest way to
# get it without touching the host's PostgreSQL or libraries.
#   documentdb-root.sh TARGET     (root; about 1 GB, a minute or a few, once per machine)
# It builds into TARGET.tmp.<pid> and renames that to TARGET only when complete, so a half-built
# root is never used; a build that died (even with a mount left) is cleaned by the next one.
set -euo pipefail

TARGET=${1:?usage: documentdb-root.sh TARGET}
PACKAGES=(postgresql-18-documentdb postgresql-18-cron)
# sid's Release file may be served past its Valid-Until date (a mirror snapshot): accept it.
APT_OPTS=(-o Acquire::Check-Valid-Until=false)
MARKER=etc/bookstore-documentdb-root

log() { printf '[documentdb-root] %s\n' "$*" >&2; }

# The Debian mirror the host itself uses (the first `deb` source of the host's release), from
# /etc/apt/sources.list, *.list (one-line format) and *.sources (deb822). Derived at run time so
# the repository names no mirror; BOOKSTORE_DEBIAN_MIRROR overrides it.
host_mirror() {
  if [[ -n ${BOOKSTORE_DEBIAN_MIRROR:-} ]]; then echo "$BOOKSTORE_DEBIAN_MIRROR"; return; fi
  local codename files=()
  codename=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release 2>/dev/null | tr -d '"')
  [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    if [[ -f $f ]]; then files+=("$f"); fi
  done
  ((${#files[@]})) || return 1
  awk -v want="$codename" '
    function pick(uri) { sub(/\/+$/, "", uri); print uri; found = 1; exit }
    # The host release itself (not -security/-updates); without a codename, any such suite.
    function wanted(suite) { return want != "" ? suite == want : suite !~ /-(security|updates|backports)$/ }
    # deb822: a stanza is a run of non-blank lines; decide at its end.
    function stanza_end() {
      if (types ~ /(^| )deb( |$)/ && uris != "") {
        n = split(suites, s, " ")
        for (j = 1; j <= n; j++) if (wanted(s[j])) { split(uris, u, " "); pick(u[1]) }
      }
      types = ""; uris = ""; suites = ""
    }
    FNR == 1 { stanza_end() }
    /^[ \t]*#/ { next }
    FILENAME ~ /\.sources$/ {
      if ($0 ~ /^[ \t]*$/) { stanza_end(); next }
      line = $0; key = tolower(line); sub(/:.*/, "", key); sub(/^[^:]*:[ \t]*/, "", line)
      if (key == "types") types = line
      else if (key == "uris") uris = line
      else if (key == "suites") suites = line
      next
    }
    $1 == "deb" {
      i = 2
      if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
      if (wanted($(i + 1))) pick($i)
    }
    END { if (!found) stanza_end() }
  ' "${files[@]}"
}

# Unmounts what a build mounted inside DIR (only /proc is) so DIR can be removed safely.
release_mounts() {
  local dir=$1
  if mountpoint -q "$dir/proc" 2>/dev/null; then umount "$dir/proc" || umount -l "$dir/proc"; fi
}

remove_partial() {
  release_mounts "$1"
  # --one-file-system: never descend into a mount that could not be released.
  rm -rf --one-file-system "$1"
}

build() {
  local work=$1 mirror
  mirror=$(host_mirror) || true
  [[ -n $mirror ]] || { log "cannot tell which Debian mirror the host uses (set BOOKSTORE_DEBIAN_MIRROR)"; return 1; }
  log "debootstrap sid (minbase) from $mirror into $work"
  # Verified with the host's Debian keyring; should sid be signed by a key this (older) host does
  # not know yet, fall back to an unverified bootstrap rather than fail (dev/test data only).
  if ! debootstrap --variant=minbase sid "$work" "$mirror"; then
    log "debootstrap failed with signature checks; retrying with --no-check-gpg"
    remove_partial "$work"
    debootstrap --variant=minbase --no-check-gpg sid "$work" "$mirror"
  fi
  # No service may start inside the root while packages install (the host runs PostgreSQL itself),
  # and no default cluster is wanted: infra.sh makes its own data directory.
  printf '#!/bin/sh\nexit 101\n' >"$work/usr/sbin/policy-rc.d"
  chmod +x "$work/usr/sbin/policy-rc.d"
  mkdir -p "$work/etc/postgresql-common"
  echo 'create_main_cluster = false' >"$work/etc/postgresql-common/createcluster.conf"
  echo 'Acquire::Check-Valid-Until "false";' >"$work/etc/apt/apt.conf.d/99bookstore"
  # postgresql-common's postinst runs systemd-tmpfiles, which refuses to work without /proc.
  mount -t proc proc "$work/proc"
  chroot "$work" apt-get "${APT_OPTS[@]}" update -q
  chroot "$work" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install -y -q \
    --no-install-recommends "${PACKAGES[@]}"
  chroot "$work" apt-get clean
  release_mounts "$work"
  [[ -x $work/usr/lib/postgresql/18/bin/postgres && -f $work/usr/lib/postgresql/18/lib/pg_documentdb.so ]] ||
    { log "PostgreSQL 18 or DocumentDB is missing after the install"; return 1; }
  chroot "$work" dpkg-query -W "${PACKAGES[@]}" postgresql-18 >"$work/$MARKER"
}

main() {
  [[ $(id -u) -eq 0 ]] || { log "needs root (debootstrap, chroot)"; return 1; }
  if [[ -f $TARGET/$MARKER ]]; then log "already built: $TARGET"; return 0; fi
  mkdir -p "$(dirname "$TARGET")"
  # One build at a time per target (two checkouts, or `prepare` and `up`, may start at once); the
  # second waits and reuses.
  exec 9>"$TARGET.lock"
  flock 9
  if [[ -f $TARGET/$MARKER ]]; then log "built meanwhile: $TARGET"; return 0; fi
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap"
    # Other installs (infra.sh's own) may hold dpkg's lock: wait for it rather than fail.
    local apt=(apt-get -o DPkg::Lock::Timeout=300)
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -q --no-install-recommends debootstrap ||
      { "${apt[@]}" update -q && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -q --no-install-recommends debootstrap; }
  fi
  # Leftovers of builds that died: they hold the lock no more, so nobody works in them.
  for old in "$TARGET".tmp.*; do
    if [[ -d $old ]]; then remove_partial "$old"; fi
  done
  # A root without the marker (not ours, or from before the marker existed) is rebuilt.
  if [[ -e $TARGET ]]; then remove_partial "$TARGET"; fi
  local work="$TARGET.tmp.$$"
  trap 'remove_partial "'"$work"'"' EXIT
  build "$work"
  mv "$work" "$TARGET"
  trap - EXIT
  log "ready: $TARGET ($(du -sh "$TARGET" | cut -f1); $(tr '\t\n' '= ' <"$TARGET/$MARKER"))"
}

main
