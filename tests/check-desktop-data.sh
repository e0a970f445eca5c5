#!/usr/bin/env bash
# Validates the desktop integration files as built (translations merged):
# the desktop file, the AppStream metainfo, the GSettings schema and the
# MIME type, and that they agree with one another.  Prints TAP.
#
# usage: check-desktop-data.sh SRCDIR BUILD-DATADIR APP-ID
set -uo pipefail

src=$1 built=$2 app_id=$3
desktop=$built/$app_id.desktop
metainfo=$built/$app_id.metainfo.xml
mime=$built/$app_id.xml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0 failed=0
# check DESCRIPTION COMMAND...: one TAP line; the command's output as a
# diagnostic when it fails.
check () {
  local description=$1 out
  shift
  n=$((n + 1))
  if out=$("$@" 2>&1); then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description"
    printf '%s\n' "$out" | sed 's/^/# /'
    failed=$((failed + 1))
  fi
}

# A missing validator is a failure with the package to install, not a skip.
need () {
  command -v "$1" >/dev/null || { echo "$1 is not installed (Debian package $2; build-aux/setup installs it)"; return 1; }
}

have_line () { grep -qxF -- "$2" "$1" || { echo "$1 has no line “$2”"; return 1; }; }
has_text () { grep -qF -- "$2" "$1" || { echo "$1 does not contain “$2”"; return 1; }; }

content_type () {
  XDG_DATA_HOME=$tmp/home XDG_DATA_DIRS=$tmp/share:/usr/share \
    gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}
is_type () {
  local got
  got=$(content_type "$1")
  [ "$got" = "$2" ] || { echo "$1 is “$got”, expected “$2”"; return 1; }
}

check "desktop-file-validate is installed" need desktop-file-validate desktop-file-utils
check "the desktop file validates" desktop-file-validate "$desktop"
check "the desktop file is translated into Malay" have_line "$desktop" "GenericName[ms]=Penyedia Hantaran Media Sosial"
check "the desktop file names the app icon" have_line "$desktop" "Icon=$app_id"
check "the desktop file opens drafts" have_line "$desktop" "MimeType=application/x-hebahan-draft;"

check "appstreamcli is installed" need appstreamcli appstream
check "the metainfo validates (appstreamcli validate --no-net)" appstreamcli validate --no-net "$metainfo"
check "the metainfo is translated into Malay" has_text "$metainfo" '<summary xml:lang="ms">'
check "the metainfo launches the desktop file" has_text "$metainfo" "<launchable type=\"desktop-id\">$app_id.desktop</launchable>"
check "the metainfo declares the draft type" has_text "$metainfo" "<mediatype>application/x-hebahan-draft</mediatype>"
check "the metainfo has an OARS content rating" has_text "$metainfo" '<content_rating type="oars-1.1"'
# Every screenshot the metainfo links is committed, as a PNG.
screenshots_committed () {
  local shots shot
  shots=$(sed -n 's|.*<image>@SCREENSHOT_URL@/\([^<]*\)</image>.*|\1|p' "$src/data/$app_id.metainfo.xml.in")
  [ -n "$shots" ] || { echo "no screenshots"; return 1; }
  for shot in $shots; do
    [ "$(head -c 8 "$src/data/screenshots/$shot" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
      { echo "data/screenshots/$shot is not a committed PNG (build-aux/update-screenshots)"; return 1; }
  done
}
check "every screenshot in the metainfo is committed" screenshots_committed

check "the GSettings schema compiles with --strict" \
  glib-compile-schemas --strict --dry-run --schema-file="$src/data/$app_id.gschema.xml"

check "xmllint is installed" need xmllint libxml2-utils
check "the MIME package is well-formed XML" xmllint --noout "$mime"
mkdir -p "$tmp/share/mime/packages" "$tmp/home"
cp "$mime" "$tmp/share/mime/packages/"
check "update-mime-database accepts the MIME package" \
  sh -c 'out=$(XDG_DATA_DIRS=$2:/usr/share update-mime-database "$1" 2>&1) && [ -z "$out" ] || { echo "$out"; exit 1; }' \
  sh "$tmp/share/mime" "$tmp/share"
check "the MIME comment is translated into Malay" has_text "$mime" '<comment xml:lang="ms">'
cp "$src/data/demo/demo.hebahan" "$tmp/post.hebahan"
cp "$src/data/demo/demo.hebahan" "$tmp/post-without-extension"
printf '{\n  "format": "something-else/1"\n}\n' > "$tmp/other"
check "a .hebahan file is a Hebahan draft" is_type "$tmp/post.hebahan" application/x-hebahan-draft
check "a draft without the extension is recognised by its content" is_type "$tmp/post-without-extension" application/x-hebahan-draft
check "other JSON is not taken for a draft" sh -c '[ "$1" != application/x-hebahan-draft ] || { echo "$2 was taken for a draft"; exit 1; }' sh "$(content_type "$tmp/other")" "$tmp/other"

echo "1..$n"
[ "$failed" -eq 0 ]
