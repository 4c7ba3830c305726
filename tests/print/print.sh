#!/bin/bash
# Paper as Chromium prints it: a typical company (Lv2 target, Lv1 answered,
# half of Lv2) exports its plan, contact sheet and the five starter
# documents; each is printed to PDF with headless Chromium (page counts,
# every table cell on the paper) and laid out at its printable width (no
# table wider than the page); the workbook's plan sheet goes through
# LibreOffice with every column on the page.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 21
PY=/usr/bin/python3
DB="$TMP/co/typical.db"
OUT="$TMP/out"
mkdir -m 700 "$OUT"
"$KAMAE" --db "$DB" --year 2026 init --company "株式会社典型部品" --band le100 --target 2 \
	--assessor "山田 太郎" >/dev/null
# Lv1: three in five 対策完了 (with a note), one 対策中, one 未実施; Lv2: every
# other item answered; Lv3 untouched.
while IFS=$'\t' read -r no lv _; do
	case $no in \#*) continue ;; esac
	if [ "$lv" = 1 ]; then
		case $((no % 5)) in 0|1|2) v=2 ;; 3) v=1 ;; *) v=0 ;; esac
	elif [ "$lv" = 2 ] && [ $((no % 2)) = 0 ]; then
		case $((no % 4)) in 0) v=2 ;; *) v=$(( no % 3 == 0 ? 1 : 0 )) ;; esac
	else
		continue
	fi
	if [ "$v" = 2 ]; then
		"$KAMAE" --db "$DB" answer "$no" 2 --note "規程第${no}号（2026年4月制定）" >/dev/null
	else
		"$KAMAE" --db "$DB" answer "$no" "$v" >/dev/null
	fi || echo "# answer $no failed"
done <"$KAMAE_DATADIR/items.tsv"
id=$(sqlite3 "$DB" "select id from assessments")
sqlite3 "$DB" "insert into contacts (assessment, role, person, phone) values
	($id, 'ceo', '山田 一郎', '0532-12-3456（代表）内線 1234'), ($id, 'ciso', '佐藤 花子', '090-1111-2222'),
	($id, 'sysadmin', '鈴木 次郎', '090-3333-4444'), ($id, 'vendor', 'ABCシステム 田中', '03-9999-0000')"
# What users paste: a long address with no place to break a line.
long="https://intra.example.co.jp/$(printf 'x%.0s' $(seq 1 120))/incident-response.html"
sqlite3 "$DB" "insert into actions (assessment, item, task, owner, due, status) values
	($id, 24, '手順書の置き場所: $long', '総務', '2027-01-15', 0)"
sqlite3 "$DB" "update contacts set email = 'security-incident-response.team@example-automotive-parts.co.jp' where role = 'ciso'"
# Rows added on the sheet: two more customers and the local police station.
sqlite3 "$DB" "insert into contacts (assessment, role, slot, company, person, phone, email, after_hours) values
	($id, 'customer', 1, 'B工業株式会社 調達部', '購買課 田中', '0566-00-1111', 'tanaka@b-kogyo.example.co.jp', '090-0000-1111'),
	($id, 'customer', 2, '株式会社C製作所', '品質保証課 中村', '052-000-2222', 'nakamura@c-ss.example.co.jp', ''),
	($id, 'police', 1, '豊田警察署 生活安全課', '', '0565-35-0110', '', '')"
"$KAMAE" --db "$DB" export --out "$OUT" >/dev/null
ok $? "the typical company exports"
DIR=$(ls -d "$OUT"/kamae-*)
check "...its plan has tasks only for answered gaps and missing evidence, and a line per level left unanswered" \
	sh -c "grep -qF 'Lv2 未回答 40 項目：まず回答を' '$DIR/plan.html' && ! grep -qF 'Lv1 未回答' '$DIR/plan.html'"

CHROME="chromium --headless --no-sandbox --disable-gpu --hide-scrollbars"
# pdf NAME: prints NAME.html to $TMP/NAME.pdf.
pdf() { timeout 120 $CHROME --no-pdf-header-footer --print-to-pdf="$TMP/$1.pdf" "file://$DIR/$1.html" >/dev/null 2>&1; }
# fits NAME WIDTH: lays NAME.html out at WIDTH px with its print rules; ok when no table is wider.
fits() {
	sed "s|</body>|<script src=\"file://$KAMAE_SRCDIR/tests/print/fits.js\"></script></body>|" \
		"$DIR/$1.html" >"$TMP/$1-fits.html"
	timeout 120 $CHROME --window-size="$2,1200" --dump-dom "file://$TMP/$1-fits.html" 2>/dev/null |
		sed -n '/id="kamae-fits"/,/<\/pre>/p' >"$TMP/$1-fits.txt"
	grep -qx 'fits</pre>' "$TMP/$1-fits.txt" || { sed 's/^/# /' "$TMP/$1-fits.txt"; return 1; }
}
# pages NAME MAX: printed, at most MAX A4 pages, every table cell's text in the PDF.
pages() { pdf "$1" && $PY "$KAMAE_SRCDIR/tests/print/print_check.py" "$TMP/$1.pdf" "$DIR/$1.html" "$2"; }

# A4 portrait is 210 mm: less the page margins, 718 px for the plan (10 mm),
# 733 px for the contact sheet (8 mm), 703 px for the documents (12 mm).
check "plan.html prints on at most 4 pages (it was 20 before the phases)" pages plan 4
check "...no table wider than the page" fits plan 718
check "...at least 15 tasks on each full page of the task table" $PY -c "
import subprocess, sys
n = int(subprocess.run(['pdfinfo', '$TMP/plan.pdf'], capture_output=True, text=True).stdout.split('Pages:')[1].split()[0])
counts = [subprocess.run(['pdftotext', '-f', str(p), '-l', str(p), '$TMP/plan.pdf', '-'], capture_output=True,
          text=True).stdout.count('未着手') for p in range(2, n + 1)]
print('tasks per page after the first:', counts)
sys.exit(0 if all(c >= 15 for c in counts[:-1]) and sum(counts) >= 40 else 1)"
check "...page 1 has the phases and the sign-off" sh -c "pdftotext -f 1 -l 1 '$TMP/plan.pdf' - | grep -q '第1期' &&
	pdftotext -f 1 -l 1 '$TMP/plan.pdf' - | grep -q '承認者'"
check "contacts.html prints on one page, with three rows added" pages contacts 1
check "...no table wider than the page" fits contacts 733
for doc in policy incident-procedure incident-report backup-plan access-review; do
	case $doc in policy) max=1 ;; incident-report) max=2 ;; *) max=3 ;; esac
	check "$doc.html prints on at most $max page(s), every cell on the paper" pages "$doc" "$max"
	check "...no table wider than the page" fits "$doc" 703
done
check "the documents open with the items they serve and end with what is left to decide" sh -c "cd '$DIR' &&
	for f in policy incident-procedure incident-report backup-plan access-review; do
	grep -qF 'この案が役立つ項目' \$f.html && grep -qF '採用前に決めること' \$f.txt &&
	test \"\$(grep -o '<h2[^>]*>[^<]*</h2>' \$f.html | tail -n 1)\" = '<h2 class=\"decide\">採用前に決めること</h2>' || exit 1; done"

# The workbook's plan sheet through LibreOffice: every column on the page.
mkdir -p "$TMP/lo-home" "$TMP/lo"
HOME="$TMP/lo-home" timeout 180 soffice --headless --convert-to pdf --outdir "$TMP/lo" \
	"$DIR/checksheet.xlsx" >/dev/null 2>&1
pdftotext -layout "$TMP/lo/checksheet.pdf" "$TMP/lo/checksheet.txt" 2>/dev/null
check "...and every wrapped cell of the checksheet and the contact sheet whole (rows tall enough for Noto Sans CJK)" \
	$PY "$KAMAE_SRCDIR/tests/print/xlsx_tails.py" "$TMP/lo/checksheet.pdf" "$KAMAE_DATADIR"
check "LibreOffice prints the plan sheet with its last column (メモ) and every task's status" sh -c "
	grep -q '担当者' '$TMP/lo/checksheet.txt' && grep -q 'メモ' '$TMP/lo/checksheet.txt' &&
	test \$(grep -o '未着手' '$TMP/lo/checksheet.txt' | wc -l) -ge \$(grep -c '<td>未着手</td>' '$DIR/plan.html')"
