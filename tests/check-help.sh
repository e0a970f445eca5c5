#!/usr/bin/env bash
# The user guide: every Mallard page, the English source and each built
# translation, is valid Mallard (yelp-check validate); each catalogue is
# complete (no untranslated or fuzzy message) and its pages really are
# translated.  Prints TAP.
#
# usage: check-help.sh SOURCE-HELP-DIR BUILD-HELP-DIR
set -uo pipefail

src=$1 build=$2
n=0 failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -z "${2:-}" ] || printf '%s\n' "$2" | sed 's/^/# /'; }

if ! command -v yelp-check >/dev/null || ! command -v itstool >/dev/null; then
  echo "Bail out! yelp-check or itstool is missing (Debian packages yelp-tools, itstool)"
  exit 1
fi

pages=$(cd "$src/C" && ls ./*.page | sed 's|^\./||')
[ -n "$pages" ] || not_ok "the guide has pages" "no .page file in $src/C"

for page in $pages; do
  if out=$(yelp-check validate "$src/C/$page" 2>&1) && [ -z "$out" ]; then
    ok "C/$page is valid Mallard"
  else
    not_ok "C/$page is valid Mallard" "$out"
  fi
done

# Every page is reached from the index: none is left out of the guide.
if out=$(cd "$src/C" && yelp-check orphans ./*.page 2>&1) && [ -z "$out" ]; then
  ok "no page is an orphan"
else
  not_ok "no page is an orphan" "$out"
fi

for lang in $(grep -v '^#' "$src/LINGUAS"); do
  po=$src/$lang/$lang.po
  stats=$(msgfmt -c --statistics -o /dev/null "$po" 2>&1)
  case $stats in
    *untranslated*|*fuzzy*|*error*|'') not_ok "$lang/$lang.po is complete" "$stats" ;;
    *) ok "$lang/$lang.po is complete ($stats)" ;;
  esac
  # The catalogue holds every message of the current pages: a page
  # changed without updating the catalogue leaves English in the guide.
  pot=$(mktemp)
  itstool -o "$pot" "$src"/C/*.page
  missing=$(msgcmp --use-untranslated "$po" "$pot" 2>&1 | grep -v '^msgcmp: found' | head -5)
  rm -f "$pot"
  if [ -z "$missing" ]; then
    ok "$lang/$lang.po covers every message of the pages"
  else
    not_ok "$lang/$lang.po covers every message of the pages" "$missing"
  fi
  for page in $pages; do
    built=$build/$lang/$page
    if [ ! -s "$built" ]; then
      not_ok "$lang/$page is built" "missing: $built"
      continue
    fi
    if out=$(yelp-check validate "$built" 2>&1) && [ -z "$out" ]; then
      ok "$lang/$page is valid Mallard"
    else
      not_ok "$lang/$page is valid Mallard" "$out"
    fi
    if cmp -s "$built" "$src/C/$page"; then
      not_ok "$lang/$page is translated" "identical to the English page"
    else
      ok "$lang/$page is translated"
    fi
  done
done

echo "1..$n"
[ "$failed" -eq 0 ]
