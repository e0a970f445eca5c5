#!/usr/bin/env bash
# Installs the build into a temporary DESTDIR and checks that everything
# the desktop needs lands where it looks for it, then validates the
# installed tree as a software centre would.  Prints TAP.
#
# usage: check-install.sh MESON BUILDDIR PREFIX BINDIR DATADIR LOCALEDIR APP-ID
set -uo pipefail

meson=$1 build=$2 prefix=$3 bindir=$4 datadir=$5 localedir=$6 app_id=$7
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
root=$dest$prefix
n=0 failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -z "${2:-}" ] || printf '%s\n' "$2" | sed 's/^/# /'; }

if out=$("$meson" install -C "$build" --destdir "$dest" --no-rebuild --quiet 2>&1); then
  ok "meson install --destdir succeeds"
else
  not_ok "meson install --destdir succeeds" "$out"
  echo "1..$n"
  exit 1
fi

# DIR relative to PREFIX unless absolute, as meson's options are.
under () { case $1 in /*) echo "$dest$1" ;; *) echo "$root/$1" ;; esac; }
bin=$(under "$bindir") share=$(under "$datadir") locale=$(under "$localedir")

for f in \
  "$bin/hebahan" \
  "$bin/hebahan-cli" \
  "$share/applications/$app_id.desktop" \
  "$share/metainfo/$app_id.metainfo.xml" \
  "$share/icons/hicolor/scalable/apps/$app_id.svg" \
  "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "$share/mime/packages/$app_id.xml" \
  "$share/glib-2.0/schemas/$app_id.gschema.xml" \
  "$locale/ms/LC_MESSAGES/hebahan.mo" \
  "$share/help/C/hebahan/index.page" \
  "$share/help/C/hebahan/bundle-integrity.page" \
  "$share/help/ms/hebahan/index.page"
do
  if [ -s "$f" ]; then ok "installs ${f#"$dest"}"; else not_ok "installs ${f#"$dest"}" "missing or empty"; fi
done

# Nothing is installed that is only for building or testing.
stray=$(cd "$dest" && find . -type f \( -name 'hb-bench' -o -name 'test-*' -o -name '*.a' -o -name '*.h' \) | head -5)
if [ -z "$stray" ]; then ok "installs no benchmark, test or static library"; else not_ok "installs no benchmark, test or static library" "$stray"; fi

# The installed tree as a software centre reads it: the metainfo valid and
# the desktop file it launches present.
if command -v appstreamcli >/dev/null; then
  if out=$(appstreamcli validate-tree --no-net "$root" 2>&1); then
    ok "appstreamcli validate-tree accepts the installed tree"
  else
    not_ok "appstreamcli validate-tree accepts the installed tree" "$out"
  fi
else
  not_ok "appstreamcli validate-tree accepts the installed tree" "appstreamcli is not installed (Debian package appstream)"
fi

if out=$(glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas" 2>&1); then
  ok "the installed schemas compile"
else
  not_ok "the installed schemas compile" "$out"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
