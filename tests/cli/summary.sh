#!/bin/bash
# End to end without the UI: build a database with init/answer, read it with summary.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 26
DB="$TMP/co/acme.db"

check "init creates an assessment" "$KAMAE" --db "$DB" init --company "株式会社テスト精機" \
	--band le100 --target 2 --year 2026 --assessor "山田"
check "database file is 0600" test "$(stat -c %a "$DB")" = 600
check "its folder is 0700" test "$(stat -c %a "$TMP/co")" = 700

# Lv1, by hand: 18..20 done (6), 24 in progress (1), 26 not done, 148 and 149 n/a.
# raw 7 over 48 applicable Lv1 items: 7 × 50 / 48 = 7.29 → "7.3/100 (7%)".
for a in "18 2" "19 2" "20 2" "24 1" "26 0" "148 n" "149 該当なし"; do
	set -- $a
	"$KAMAE" --db "$DB" answer "$1" "$2" || echo "# answer $a failed"
done
"$KAMAE" answer 150 対策中 --db "$DB" --note "FAXと電話で受注を継続（手順書あり）" >"$TMP/a.txt"
ok $? "answer with a Japanese note"
check "...says in one line what it saved (issue 14)" test "$(cat "$TMP/a.txt")" = "Saved No.150 (2026): 対策中, with the note."
check "-q saves quietly" test -z "$("$KAMAE" --db "$DB" answer 151 0 -q)" -a \
	"$(sqlite3 "$DB" "select value from answers where item = 151")" = notdone
"$KAMAE" --db "$DB" answer 151 none -q
# Lv1 now: raw 8 over 48 applicable: 8 × 50 / 48 = 8.33.
"$KAMAE" --db "$DB" summary >"$TMP/s.txt" 2>&1
ok $? "summary succeeds"
check "profile shows the company" contains "$TMP/s.txt" "株式会社テスト精機"
check "profile shows the band name" contains "$TMP/s.txt" "100名以下"
check "answered per level" contains "$TMP/s.txt" "Lv1   8/50"
check "Lv1 points scaled without N/A" grep -qE "^  Lv1 8\.3/100 \(8%\) +  answered 8/50, raw 8, 該当なし 2" "$TMP/s.txt"
check "Lv2 nothing answered is 0" grep -qE "^  Lv2 0\.0/148 \(0%\)" "$TMP/s.txt"
check "Lv3 maximum is 58" grep -qE "^  Lv3 0\.0/58 \(0%\)" "$TMP/s.txt"
# Target Lv2: 124 items, 2 N/A, raw 8: 8 × 124 / 122 = 8.13 of 248.
check "target total scaled" contains "$TMP/s.txt" "Up to the target level Lv2: 8.1/248 (3%)"
check "industry average for the band" contains "$TMP/s.txt" "2022 industry average, 100名以下, target Lv2: 155.0/248 (689 companies)"
check "category 対応・復旧 tallied" grep -qE "^  対応・復旧 +1\.5/12 \(12%\)" "$TMP/s.txt"
check "unanswered priority items listed" contains "$TMP/s.txt" "Unanswered priority items: 16 124 136 137 115 49 51 52 76 77 78"

check "note stored exactly" sh -c "sqlite3 '$DB' \"select note from answers where item=150\" | grep -qxF 'FAXと電話で受注を継続（手順書あり）'"
"$KAMAE" --db "$DB" answer 999 2 2>"$TMP/err.txt"
ok $(( $? == 2 ? 0 : 1 )) "an item out of range is a usage error"
"$KAMAE" --db "$DB" answer 18 maybe 2>"$TMP/err.txt"
ok $(( $? == 2 ? 0 : 1 )) "an unknown answer is a usage error"
check "...with a message naming the keys" contains "$TMP/err.txt" "use 2, 1, 0, n or none"

printf 'this is not a database at all, just text\n' >"$TMP/notdb.db"
cp "$TMP/notdb.db" "$TMP/notdb.orig"
"$KAMAE" --db "$TMP/notdb.db" summary 2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "a non-database file is refused"
check "...and left unchanged" cmp -s "$TMP/notdb.db" "$TMP/notdb.orig"
"$KAMAE" --db "$TMP/typo/none.db" summary 2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "summary of a database that does not exist fails"
check "...saying so" contains "$TMP/err.txt" "there is no database at $TMP/typo/none.db"
check "...and creates nothing" test ! -e "$TMP/typo"
[ "$_failed" -eq 0 ]
