#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-po.sh SOURCE-ROOT — the Malay catalogue is valid, complete (no
# untranslated or fuzzy message) and holds every message the sources mark
# for translation: a new string without its Malay would show in English.
set -u
top=$1
po=$top/po/ms.po
out=$(msgfmt -c --statistics -o /dev/null "$po" 2>&1) || { echo "$out"; exit 1; }
echo "$out"
case "$out" in *untranslated*|*fuzzy*) exit 1 ;; esac

pot=$(mktemp) || exit 1
trap 'rm -f "$pot"' EXIT
# The keywords of meson's 'glib' preset (po/meson.build).
xgettext --directory="$top" --files-from="$top/po/POTFILES.in" --from-code=UTF-8 \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  -o "$pot" || exit 1
msgcmp --use-untranslated "$po" "$pot" || { echo "po/ms.po lacks the messages above"; exit 1; }
