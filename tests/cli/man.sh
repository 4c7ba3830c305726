#!/bin/bash
# The man pages: both lint clean, the Japanese one carries the same
# sections, entries and options as the English one, and the paths are the
# configured ones.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 8
en="$KAMAE_BUILDDIR/man/kamae.1" ja="$KAMAE_BUILDDIR/man/ja/kamae.1"
check "man/kamae.1 is clean under mandoc -T lint" test -z "$(mandoc -T lint -W warning "$en" 2>&1)"
check "man/ja/kamae.1 is clean under mandoc -T lint" test -z "$(mandoc -T lint -W warning "$ja" 2>&1)"
# groff warnings, apart from glyphs the default fonts lack.
groff_warnings() { groff -ww -man -z -Kutf8 "$1" 2>&1 | grep -vE "special character|cannot select font|can't find|glyph"; }
check "man/kamae.1 has no groff warnings" test -z "$(groff_warnings "$en")"
check "man/ja/kamae.1 has no groff warnings" test -z "$(groff_warnings "$ja")"
shape() { grep -cE "^\.(SH|TP)" "$1"; }
check "same number of sections and entries in both" test "$(shape "$en")" = "$(shape "$ja")"
options() { grep -oE '\\-\\-[a-z]+' "$1" | sort -u; }
check "the same options are documented in both" test "$(options "$en")" = "$(options "$ja")"
pkgdatadir=$(sed -n "s/^pkgdatadir = //p" "$KAMAE_BUILDDIR/Makefile")
prefix=$(sed -n "s/^prefix = //p" "$KAMAE_BUILDDIR/Makefile")
check "the catalog path is the configured one ($prefix/share/kamae)" grep -q "$prefix/share/kamae/" "$en"
check "no placeholder is left" sh -c "! grep -q '@[A-Za-z_]*@' '$en' '$ja'"
[ "$_failed" -eq 0 ]
