#!/bin/bash
# kamae import: a filled checksheet in the official layout (made with
# openpyxl: a cover sheet first, title rows above the header), the same file
# re-saved by LibreOffice, and kamae's own export each bring exactly the
# answers and notes put in; bad files are refused and change nothing.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 27
PY=/usr/bin/python3
mkdir -m 700 "$TMP/w"
cd "$TMP/w" || exit 1
printf '%s\n' "18	対策完了	体制表（2025年4月版）" "19	対策中	=HYPERLINK(\"x\")" \
	"20	2	1行目\\n2行目" "24		手順書は作成中" "26	0	" "148	該当なし	クラウドのみ" \
	>"$TMP/answers.tsv"
"$PY" "$KAMAE_SRCDIR/tests/import/make_sheet.py" "$TMP/w/official.xlsx" <"$TMP/answers.tsv"
EXPECT="18|done|体制表（2025年4月版）
19|progress|=HYPERLINK(\"x\")
20|done|1行目
2行目
24||手順書は作成中
26|notdone|
148|na|クラウドのみ"
got() { sqlite3 "$1" "select item||'|'||coalesce(value,'')||'|'||note from answers order by item"; }

"$KAMAE" --db "$TMP/w/dry.db" import official.xlsx --dry-run >"$TMP/dry.txt"
ok $? "--dry-run reports what the file holds"
check "...the sheet and header row found below the title rows, past a cover sheet" grep -q "Found on sheet 'チェックシート' (header on row 4)" "$TMP/dry.txt"
check "...the answers and notes per level" grep -q "Lv1: 5 answers, 5 notes" "$TMP/dry.txt"
check "...and creates no database" test ! -e "$TMP/w/dry.db"

"$KAMAE" --db "$TMP/w/a.db" import official.xlsx >"$TMP/out.txt"
ok $? "import of the official layout"
check "...gives exactly the answers and notes put in (= and a line break kept)" test "$(got "$TMP/w/a.db")" = "$EXPECT"
check "...each imported answer 要再確認" test "$(sqlite3 "$TMP/w/a.db" "select count(*) from answers where value is not null and confirmed = 0")" = 5
check "...and summary agrees" sh -c "'$KAMAE' --db '$TMP/w/a.db' summary | grep -q 'To re-confirm (要再確認): 5 answers'"

mkdir -p "$TMP/lo-home" lo
HOME="$TMP/lo-home" timeout 180 soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir lo official.xlsx >/dev/null 2>&1
check "LibreOffice re-saves the workbook" test -s lo/official.xlsx
"$KAMAE" --db "$TMP/w/b.db" import lo/official.xlsx >/dev/null
ok $? "import of the LibreOffice copy"
check "...gives the same answers and notes" test "$(got "$TMP/w/b.db")" = "$EXPECT"

mkdir -m 700 ex
"$KAMAE" --db "$TMP/w/a.db" export --out ex --xlsx >/dev/null
"$KAMAE" --db "$TMP/w/c.db" import ex/*/checksheet.xlsx >/dev/null
ok $? "import of kamae's own export"
check "...gives the same answers and notes" test "$(got "$TMP/w/c.db")" = "$EXPECT"

# Answers already there are kept unless --replace.
"$KAMAE" --db "$TMP/w/c.db" answer 18 0 --note "見直し中"
"$KAMAE" --db "$TMP/w/c.db" import official.xlsx >"$TMP/out.txt"
check "an answer already in the year is kept, and said so" sh -c "grep -q 'kept (--replace overwrites them): 18' '$TMP/out.txt' &&
	test \"\$(sqlite3 '$TMP/w/c.db' \"select value||'|'||note from answers where item=18\")\" = 'notdone|見直し中'"
"$KAMAE" --db "$TMP/w/c.db" import official.xlsx --replace >/dev/null
check "...and overwritten with --replace" test "$(sqlite3 "$TMP/w/c.db" "select value from answers where item=18")" = done

# Rows that cannot be read are skipped and named.
printf '%s\n' "18	やった	" "18	対策完了	" "999	2	" "21	1	" | "$PY" "$KAMAE_SRCDIR/tests/import/make_sheet.py" "$TMP/w/odd.xlsx"
"$KAMAE" --db "$TMP/w/d.db" import odd.xlsx --dry-run >"$TMP/odd.txt"
check "an unknown answer text is skipped with its row" grep -q "row 5: No.18: unknown answer 'やった'" "$TMP/odd.txt"
check "a number out of range is skipped" grep -q "row 7: No.999 is out of range" "$TMP/odd.txt"

# Bad files: a clear message, exit 1, the database byte for byte unchanged.
cp "$TMP/w/a.db" "$TMP/w/keep.db" && chmod 600 "$TMP/w/keep.db"
bad() { # bad DESCRIPTION FILE TEXT
	local before; before=$(sha256sum <"$TMP/w/keep.db")
	"$KAMAE" --db "$TMP/w/keep.db" import "$2" >/dev/null 2>"$TMP/err.txt"
	ok $(( $? == 1 ? 0 : 1 )) "$1 is refused with exit 1"
	check "...saying \"$3\", the database unchanged" sh -c "grep -q '$3' '$TMP/err.txt' &&
		test '$before' = \"\$(sha256sum <'$TMP/w/keep.db')\""
}
printf '\320\317\021\340\241\261\032\341rest of an old workbook' >old.xls
bad "an old .xls (or a password-protected workbook)" old.xls "old .xls file or a password-protected"
head -c 3000 official.xlsx >cut.xlsx
bad "a damaged zip" cut.xlsx "damaged\|not an .xlsx"
"$PY" - <<'PY'
import zipfile
# A zip bomb: one sheet part inflating to 200 MB of spaces.
with zipfile.ZipFile("bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
    z.writestr("xl/sharedStrings.xml", " " * (200 * 1024 * 1024))
PY
bad "a zip bomb" bomb.xlsx "far larger than a checksheet"
"$PY" -c '
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws["A1"] = "No."; ws["B1"] = "回答"; ws["A2"] = 1; wb.save(sys.argv[1])' noheader.xlsx
bad "a workbook without the header row" noheader.xlsx "no sheet has a header row"
bad "a file that does not exist" nosuch.xlsx "cannot be opened"
[ "$_failed" -eq 0 ]
