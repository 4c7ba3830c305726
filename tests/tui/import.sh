#!/bin/bash
# First run in the wizard: start from a filled checksheet. i on the welcome
# screen, the path typed, the answers come in 要再確認, then the profile.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 7
DB="$TMP/co/new.db"
printf '%s\n' "18	対策完了	体制表" "19	1	" "24		作成中" | \
	/usr/bin/python3 "$KAMAE_SRCDIR/tests/import/make_sheet.py" "$TMP/last-year.xlsx"
start_ui 80 24 LANG=C.UTF-8
check "the welcome screen offers to start from a checksheet" wait_for "Press i to start"
key i
type_text "$TMP/last-year.xlsx"
key Enter
check "the import says what came in" wait_for "Imported 3 items from the checksheet"
check "...and the profile comes next" wait_for "Company profile"
stop_ui
check "the answers are in the database, 要再確認" test "$(sqlite3 "$DB" "select count(*) from answers where value is not null and confirmed = 0")" = 2
check "...with the notes" test "$(sqlite3 "$DB" "select note from answers where item = 18")" = "体制表"

# Later, from any wizard screen: I imports into the year, keeping answers.
"$KAMAE" --db "$DB" answer 18 0 --note "見直し中" >/dev/null
printf '%s\n' "18	対策完了	体制表" "26	2	手順書 第1版" | \
	/usr/bin/python3 "$KAMAE_SRCDIR/tests/import/make_sheet.py" "$TMP/more.xlsx"
start_ui 80 24 LANG=C.UTF-8
wait_for "No." >/dev/null
key I
type_text "$TMP/more.xlsx"
key Enter
check "I imports from any screen, keeping what was answered" wait_for "Imported 1 items from the checksheet"
stop_ui
check "...No.26 came in, No.18 kept" test "$(sqlite3 "$DB" "select item||':'||value from answers where item in (18, 26) order by item" | tr '\n' ' ')" = "18:notdone 26:done "
[ "$_failed" -eq 0 ]
