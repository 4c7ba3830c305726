#!/bin/bash
# Year two from the command line: 2026 answered; 2027 started from 2026;
# some answers confirmed, one changed; each year's summary; the years list.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 26
DB="$TMP/co/acme.db"
"$KAMAE" --db "$DB" --year 2026 init --company "株式会社年度" --band le100 --target 2 >/dev/null
for a in "18 2" "19 1" "20 2" "24 0" "148 n"; do
	set -- $a
	"$KAMAE" --db "$DB" answer "$1" "$2" --note "2026年の根拠 $1" || echo "# answer $a failed"
done
"$KAMAE" --db "$DB" summary >"$TMP/2026-before.txt"
"$KAMAE" --db "$DB" --year 2027 init --from 2026 >"$TMP/init.txt"
ok $? "kamae --year 2027 init --from 2026"
check "...says how many answers wait to be re-confirmed" grep -q "Started from 2026: 5 answers to re-confirm (要再確認)" "$TMP/init.txt"
check "...carrying the notes" test "$(sqlite3 "$DB" "select note from answers a join assessments s on s.id=a.assessment where s.year=2027 and item=18")" = "2026年の根拠 18"
check "...each answer unconfirmed" test "$(sqlite3 "$DB" "select count(*) from answers a join assessments s on s.id=a.assessment where s.year=2027 and confirmed=0")" = 5
# Confirm two unchanged, change one (19: 対策中 -> 対策完了).
"$KAMAE" --db "$DB" answer 18 2 && "$KAMAE" --db "$DB" answer 20 2 && "$KAMAE" --db "$DB" answer 19 2
ok $? "answers in 2027 (the latest year by default) confirm and change"
"$KAMAE" --db "$DB" --year 2026 summary >"$TMP/2026-after.txt"
check "--year 2026 summary is unchanged" cmp -s "$TMP/2026-before.txt" "$TMP/2026-after.txt"
"$KAMAE" --db "$DB" --year 2027 summary >"$TMP/2027.txt"
check "--year 2027 summary shows the year" grep -q "^Year: *2027" "$TMP/2027.txt"
check "...the answers still to re-confirm (24 and 148)" grep -qx "To re-confirm (要再確認): 2 answers carried or imported: 24 148" "$TMP/2027.txt"
check "...前年比 per level" grep -qE "^  Lv1 .* <- .* \+1\.0$" "$TMP/2027.txt"
check "...and the item that improved" grep -qx "  Improved: No.19" "$TMP/2027.txt"
check "...and the label that changed (5 体制（事故時）)" grep -qE "^     5 体制（事故時） +.* \+[0-9.]+$" "$TMP/2027.txt"
check "...a carried note flagged for renewal (根拠の更新が必要)" grep -qE "^  No\.18 +根拠の更新が必要（前年度のまま）" "$TMP/2027.txt"
check "...and a 該当なし without a reason" sh -c "'$KAMAE' --db '$DB' answer 150 n && '$KAMAE' --db '$DB' summary | grep -qE '^  No\.150 +該当なしの理由が未記入'"
"$KAMAE" --db "$DB" answer 18 2 --note "緊急連絡体制表（2027年4月改訂）"
check "a rewritten note is no longer flagged" sh -c "! '$KAMAE' --db '$DB' summary | grep -qE '^  No\.18 '"
check "summary --year after the command works too" sh -c "'$KAMAE' --db '$DB' summary --year 2026 | cmp -s - '$TMP/2026-before.txt'"
"$KAMAE" --db "$DB" years >"$TMP/years.txt"
check "years lists both, oldest first" test "$(cut -c1-4 "$TMP/years.txt" | tr '\n' ' ')" = "2026 2027 "
check "...with what is left to re-confirm" grep -q "^2027 .*要再確認 2$" "$TMP/years.txt"
# Exports of both years on one day: two folders; 2027's workbook carries
# last year's answer after the official columns and counts 要再確認.
mkdir -m 700 "$TMP/out"
(cd "$TMP" && "$KAMAE" --db "$DB" --year 2026 export --out "$TMP/out" --xlsx >/dev/null &&
	"$KAMAE" --db "$DB" export --out "$TMP/out" --xlsx >/dev/null)
TODAY=$(date +%F)
check "exports of 2026 and 2027 on one day both survive" sh -c "test -s '$TMP/out/kamae-株式会社年度-FY2026-$TODAY/checksheet.xlsx' &&
	test -s '$TMP/out/kamae-株式会社年度-FY2027-$TODAY/checksheet.xlsx'"
/usr/bin/python3 - "$TMP/out/kamae-株式会社年度-FY2027-$TODAY/checksheet.xlsx" >"$TMP/xl.txt" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["チェックシート"]
print("L1=" + str(ws["L1"].value))
print("L20=" + str(ws["L20"].value))   # row of No.19
print("J20=" + str(ws["J20"].value))
s = wb["集計"]
print("carried=" + str(s["E4"].value))
for row in wb["改善計画"].iter_rows(values_only=True):
    if row and row[1] == 150:
        print("plan150=" + "|".join(str(v) for v in row if v is not None))
PY
check "2027's checksheet has last year's answer in column L" sh -c "grep -qx 'L1=前年度の回答（2026年度）' '$TMP/xl.txt' && grep -qx 'L20=対策中' '$TMP/xl.txt' && grep -qx 'J20=対策完了' '$TMP/xl.txt'"
check "...and 集計 counts 要再確認" grep -qx "carried=2" "$TMP/xl.txt"
check "...and its plan sheet lists the 該当なし without a reason as such" sh -c "grep '^plan150=' '$TMP/xl.txt' | grep -q '該当なし|.*該当なしの理由が未記入'"
(cd "$TMP" && "$KAMAE" --db "$DB" export --out "$TMP/out" --text >/dev/null)
check "the plan lists what was finished since 2026 (No.19)" sh -c "sed -n '/2026年度から対策完了になった項目（1件）/,\$p' '$TMP/out/kamae-株式会社年度-FY2027-$TODAY/plan.txt' | grep -q 'No.19'"
"$KAMAE" --db "$DB" --year 2030 summary 2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "a year the file does not have is an error"
check "...naming the years it has" grep -q "has no assessment for 2030; it has: 2026, 2027" "$TMP/err.txt"
"$KAMAE" --db "$DB" --year 2027 init --from 2026 2>"$TMP/err.txt"
ok $(( $? == 2 ? 0 : 1 )) "--from on a year that exists is refused (usage)"
check "...and carried nothing twice" test "$(sqlite3 "$DB" "select count(*) from answers a join assessments s on s.id=a.assessment where s.year=2027")" = 6
[ "$_failed" -eq 0 ]
