#!/bin/bash
# The copy check fails on a run of more than 20 characters shared with a
# seed, whatever the white space and width, and passes our own wording.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 5
CC="/usr/bin/python3 $KAMAE_SRCDIR/tests/data/copycheck.py"
mkdir -p "$TMP/seeds"
printf 'インシデント発生時の対応手順を定め、\n関係者に周知していること。ＰＣの更新\n' >"$TMP/seeds/a.txt"
printf '1\tインシデント発生時の対応手順を定め、関係者に周知していること\n' >"$TMP/copied.tsv"
printf '1\t事故が起きたときの手順を決めて、皆に知らせます\n' >"$TMP/own.tsv"
$CC "$TMP/seeds" "$TMP/copied.tsv" >"$TMP/out.txt"
ok $(( $? == 1 ? 0 : 1 )) "a copied sentence (across the seed's line break) fails"
check "...and the run is named" grep -q "shares 30 characters" "$TMP/out.txt"
$CC "$TMP/seeds" "$TMP/own.tsv" >"$TMP/out.txt"
ok $? "our own wording passes"
printf '1\tインシデント発生時の対応手順を定め、関係です\n' >"$TMP/edge.tsv"
$CC "$TMP/seeds" "$TMP/edge.tsv" >/dev/null
ok $? "20 shared characters pass"
printf '1\tインシデント発生時の対応手順を定め、関係者です\n' >"$TMP/edge.tsv"
$CC "$TMP/seeds" "$TMP/edge.tsv" >/dev/null
ok $(( $? == 1 ? 0 : 1 )) "21 shared characters are one too many"
[ "$_failed" -eq 0 ]
