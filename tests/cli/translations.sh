#!/bin/bash
# The Japanese catalog covers every message of the sources, with nothing fuzzy.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 3
cd "$KAMAE_SRCDIR" || exit 1
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ -o "$TMP/fresh.pot" -f po/POTFILES.in 2>"$TMP/xg.txt"
ok $? "messages extracted from the sources"
msgcmp po/ja.po "$TMP/fresh.pot" >"$TMP/cmp.txt" 2>&1
ok $? "po/ja.po has every message of the sources"
sed 's/^/# /' "$TMP/cmp.txt" | head -n 20
stats=$(msgfmt -c --statistics -o /dev/null po/ja.po 2>&1)
echo "# $stats"
case "$stats" in *fuzzy*|*untranslated*) ok 1 "no fuzzy or untranslated message" ;; *) ok 0 "no fuzzy or untranslated message" ;; esac
[ "$_failed" -eq 0 ]
