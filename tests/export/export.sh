#!/bin/bash
# Exports end to end: build a database with init/answer, run `kamae export`,
# read the workbook back with openpyxl, look into the HTML and text, and make
# every kind of failure leave no partial file behind.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 79
PY=/usr/bin/python3
DB="$TMP/co/acme.db"
OUT="$TMP/out"
COMPANY="株式会社テスト精機"
TODAY=$(date +%F)
mkdir -p "$OUT"

# skip DESCRIPTION REASON: a TAP skip (counted by automake as SKIP, not FAIL).
skip() {
	_n=$((_n + 1))
	echo "ok $_n - $1 # SKIP $2"
}

# fact KEY=VALUE: the xlsx reader printed exactly this line.
fact() { grep -qxF -- "$1" "$TMP/facts.txt"; }

# no_leftovers DIR: nothing but what was there before (no temporaries, no partial files).
empty_dir() { [ -z "$(ls -A "$1" 2>/dev/null)" ]; }

"$KAMAE" --db "$DB" init --company "$COMPANY" --band le100 --target 2 --year 2026 \
	--assessor "山田" >/dev/null
# Priority: 18, 19, 149 done; 20, 148 n/a; 24, 150 in progress; 26 not done.
# Notes that look like formulas or markup must come back as the user's words.
while IFS='|' read -r no value note; do
	if [ -n "$note" ]; then
		"$KAMAE" --db "$DB" answer "$no" "$value" --note "$note"
	else
		"$KAMAE" --db "$DB" answer "$no" "$value"
	fi || echo "# answer $no $value failed"
done <<'EOF'
18|2|緊急連絡体制表（2025年4月1日版、社長承認）
19|2|
20|n|
24|1|手順書の下書きあり
26|0|
148|n|
149|2|復元手順書 v1（2025-06）
150|1|FAXと電話で受注を継続（手順書あり）
1|2|=HYPERLINK("http://x","y")
2|1|<script>alert(1)</script>
3|0|+1
4|2|@SUM(1)
5|n|
138|1|
EOF
ASSESSMENT=$(sqlite3 "$DB" "select id from assessments limit 1")
sqlite3 "$DB" "insert into settings (assessment, key, value) values ($ASSESSMENT,
	'alt_ordering', 'FAX & 電話で受注 <img src=x onerror=alert(1)>')"
sqlite3 "$DB" "insert into contacts (assessment, role, person, phone) values ($ASSESSMENT,
	'ipa', '相談窓口', '03-0000-0000')"
sqlite3 "$DB" "insert into actions (assessment, item, task) values ($ASSESSMENT, 3,
	'<script>alert(2)</script>')"

# ---- a successful export ----
"$KAMAE" --db "$DB" export --out "$OUT" >"$TMP/export.txt" 2>"$TMP/export.err"
ok $? "export succeeds"
NAME="kamae-$COMPANY-FY2026-$TODAY"   # company and year in the name
DIR="$OUT/$NAME"
check "it names the dated folder" contains "$TMP/export.txt" "$DIR"
check "all fifteen files are written (workbook, plan, contacts, five documents as HTML and text)" \
	sh -c "cd '$DIR' && test -s checksheet.xlsx && for f in plan contacts policy incident-procedure \
	incident-report backup-plan access-review; do test -s \$f.html && test -s \$f.txt || exit 1; done"
check "...and each path is printed" test "$(grep -c "^  $DIR/" "$TMP/export.txt")" -eq 15
check "no temporary file is left" test -z "$(ls -A "$DIR" | grep '^\.')"
check "nothing on stderr" test ! -s "$TMP/export.err"
check "the folder is private (0700)" test "$(stat -c %a "$DIR")" = 700

# ---- the workbook, read by openpyxl ----
"$PY" "$KAMAE_SRCDIR/tests/export/read_xlsx.py" "$DIR/checksheet.xlsx" >"$TMP/facts.txt" 2>"$TMP/py.err"
ok $? "openpyxl reads the workbook"
[ -s "$TMP/py.err" ] && sed 's/^/# /' "$TMP/py.err"
check "four sheets in order" fact "sheets=チェックシート,集計,改善計画,緊急連絡先"
check "official column order" \
	fact "check.header=分類|ラベル|目的|要求事項|No.|レベル|達成条件|達成基準|他社事例|達成条件評価|評価の根拠"
check "他社事例 (I) holds kamae's example, marked as ours, on all 153 rows" fact "check.examples.marked=153"
check "...and a note on its header says the examples are kamae's" fact "check.examples.comment=True"
check "153 item rows" fact "check.rows=153"
check "...in No. order" fact "check.order=True"
check "levels as Lv1/Lv2/Lv3" sh -c "grep -qxF 'check.1.level=Lv1' '$TMP/facts.txt' &&
	grep -qxF 'check.2.level=Lv2' '$TMP/facts.txt' && grep -qxF 'check.138.level=Lv3' '$TMP/facts.txt'"
check "answers as recorded" sh -c "for f in 18=対策完了 24=対策中 26=未実施 20=該当なし \
	150=対策中 10=; do grep -qxF \"check.\${f%%=*}.answer=\${f#*=}\" '$TMP/facts.txt' || exit 1; done"
check "notes as recorded" fact "check.150.note=FAXと電話で受注を継続（手順書あり）"
check "a =HYPERLINK note stays that text" fact 'check.1.note==HYPERLINK("http://x","y")'
check "...as a string cell, not a formula" fact "check.1.note.type=s"
check "+1 and @SUM(1) notes stay strings" sh -c "grep -qxF 'check.3.note.type=s' '$TMP/facts.txt' &&
	grep -qxF 'check.4.note.type=s' '$TMP/facts.txt' && grep -qxF 'check.4.note=@SUM(1)' '$TMP/facts.txt'"
check "markup in a note is kept as text" fact "check.2.note=<script>alert(1)</script>"
check "answer column has the drop-down list" \
	fact 'check.validation.J2:J154=list "対策完了,対策中,未実施,該当なし"'
check "row heights are set for wrapped text" fact "check.heights.set=True"
check "A4 (paperSize 9)" fact "check.paper=9"
check "fit to one page wide" sh -c "grep -qxF 'check.fitToPage=True' '$TMP/facts.txt' &&
	grep -qxF 'check.fitToWidth=1' '$TMP/facts.txt' && grep -qxF 'check.fitToHeight=0' '$TMP/facts.txt'"
check "header row repeated on every page" fact 'check.titles=$1:$1'
check "header row frozen" fact "check.freeze=A2"
check "footer: company name and page numbers" sh -c "grep -qxF 'check.footer=$COMPANY' '$TMP/facts.txt' &&
	grep -qxF 'check.footer.center=&P / &N' '$TMP/facts.txt'"
check "every sheet is A4" test "$(grep -c '^[a-z]*\.paper=9$' "$TMP/facts.txt")" -eq 4

# ---- 集計 equals `kamae summary` ----
"$KAMAE" --db "$DB" summary >"$TMP/summary.txt"
# points NAME REGEX: "X P" as summary prints them for the line matching REGEX.
points() { sed -n "s/^$1 *\([0-9.]*\)\/[0-9]* (\([0-9]*\)%).*/\1 \2/p" "$TMP/summary.txt" | head -n 1; }
same() { # same XLSX-NAME "X P"
	local x=${2% *} p=${2#* }
	[ -n "$2" ] && fact "sum.$1.points=$x" && fact "sum.$1.percent=$p"
}
for lv in 1 2 3; do
	check "集計 Lv$lv equals summary ($(points "  Lv$lv"))" same "Lv$lv" "$(points "  Lv$lv")"
done
TARGET=$(sed -n 's/^Up to the target level Lv2: \([0-9.]*\)\/248 (\([0-9]*\)%).*/\1 \2/p' "$TMP/summary.txt")
check "集計 target total equals summary ($TARGET)" same "目標Lv2まで" "$TARGET"
check "集計 category 対応・復旧 equals summary" same "対応・復旧" "$(points "  対応・復旧")"
check "集計 label 24 equals summary" same "24 バックアップ・復元（リストア）" \
	"$(points "  24 バックアップ・復元（リストア）")"
check "集計 label 1 equals summary" same "1 方針" "$(points "   1 方針")"
check "集計 cells are formulas (33 rows × 10)" fact "sum.formulas=330"

# ---- 改善計画 and 緊急連絡先 sheets ----
# Phase 1 holds the answered priority gaps and No.19 (対策完了, no evidence);
# the unanswered priority items are not tasks.
check "plan: phase 1 first — the priority gaps and No.19's evidence, no unanswered item" \
	test "$(sed -n 's/^plan\.order=//p' "$TMP/facts.txt" | cut -d, -f1-4 | tr ',' '\n' | sort -n | tr '\n' ' ')" = "19 24 26 150 "
check "plan: then Lv1 (No.2 and 3), a Lv3 item in progress kept at the end" \
	grep -qE '^plan\.order=[0-9]+,[0-9]+,[0-9]+,[0-9]+,(2,3|3,2),138$' "$TMP/facts.txt"
check "plan: the owner comes from the coach (No.24: 情報セキュリティ責任者)" \
	grep -qE '^plan\.24=対策中\|[^|]*情報セキュリティ責任者[^|]*\|' "$TMP/facts.txt"
check "plan: priority tasks due within 3 months, on weekdays, on different days" \
	$PY -c "
import datetime, re, sys
today = datetime.date.fromisoformat('$TODAY')
end = datetime.date(today.year + (today.month + 2) // 12, (today.month + 2) % 12 + 1, 1) + datetime.timedelta(days=31)
due = {}
for line in open('$TMP/facts.txt', encoding='utf-8'):
    m = re.match(r'plan\.(19|24|26|150)=[^|]*\|[^|]*\|(\d{4}-\d\d-\d\d)\|', line)
    if m:
        due[m.group(1)] = datetime.date.fromisoformat(m.group(2))
ok = len(due) == 4 and len(set(due.values())) == 4 and all(today < d < end and d.weekday() < 5 for d in due.values())
print(due); sys.exit(0 if ok else 1)"
check "plan: status drop-down" grep -qE '^plan\.validation\.K2:K[0-9]+=list "未着手,進行中,完了"$' "$TMP/facts.txt"
# No.150 is 対策中 but the sheet holds the alternative: not missing (issue 14, defect 5).
check "contacts sheet lists what is missing, from the answers and the sheet itself" sh -c "grep -q '^contacts.text=.*No.26 ' '$TMP/facts.txt' &&
	! grep -q '^contacts.text=.*No.150 ' '$TMP/facts.txt' && ! grep -q '^contacts.text=.*No.18 ' '$TMP/facts.txt'"
check "contacts sheet shows the alternative ordering" grep -qF "FAX & 電話で受注" "$TMP/facts.txt"

# ---- HTML ----
check "plan.html escapes a <script> task" contains "$DIR/plan.html" "&lt;script&gt;alert(2)&lt;/script&gt;"
check "...and has no script element at all" sh -c "! grep -qi '<script' '$DIR/plan.html' '$DIR/contacts.html'"
check "contacts.html escapes the alternative ordering" \
	contains "$DIR/contacts.html" "FAX &amp; 電話で受注 &lt;img src=x onerror=alert(1)&gt;"
check "HTML is self-contained (no external asset)" \
	sh -c "! grep -Eqi '<[^>]*(src|href)=|@import|url\\(' '$DIR/plan.html' '$DIR/contacts.html'"
check "HTML has print CSS for A4" sh -c "grep -qF '@page{size:A4' '$DIR/plan.html' &&
	grep -qF '@page{size:A4' '$DIR/contacts.html'"
check "contacts.html shows a filled phone number" contains "$DIR/contacts.html" "03-0000-0000"
check "plan.html has the sign-off line" contains "$DIR/plan.html" "承認者"

# ---- text ----
check "text files are valid UTF-8" sh -c "iconv -f UTF-8 -t UTF-8 '$DIR/plan.txt' >/dev/null &&
	iconv -f UTF-8 -t UTF-8 '$DIR/contacts.txt' >/dev/null"
check "plan.txt: head section for the boss" sh -c "grep -qF '$COMPANY' '$DIR/plan.txt' &&
	grep -qF '計画完了後' '$DIR/plan.txt' && grep -qF '承認者:' '$DIR/plan.txt'"
check "plan.txt: 対策完了 without evidence is a task" sh -c "grep -A3 'No.19［Lv1・優先］' '$DIR/plan.txt' | grep -qF '根拠が未記入'"
check "contacts.txt: the five steps and the missing parts, as on the workbook" sh -c "grep -qF '②初動' '$DIR/contacts.txt' &&
	grep -qF 'No.26 ウイルス' '$DIR/contacts.txt' && ! grep -qF 'No.150 システムが止まったとき' '$DIR/contacts.txt' &&
	! grep -qF 'No.150 システムが止まったとき' '$DIR/contacts.html'"

# ---- options ----
mkdir -p "$TMP/scope"
"$KAMAE" --db "$DB" export --out "$TMP/scope" --text --plan-scope priority >/dev/null 2>&1
check "--plan-scope priority: a plan of phase 1 only" sh -c "grep -qF '第1期' '$TMP/scope/$NAME/plan.txt' &&
	! grep -qF '第2期' '$TMP/scope/$NAME/plan.txt' && ! grep -qF '第3期' '$TMP/scope/$NAME/plan.txt'"
"$KAMAE" --db "$DB" export --out "$TMP/scope" --plan-scope all >/dev/null 2>"$TMP/err.txt"
ok $(( $? == 2 ? 0 : 1 )) "--plan-scope all is a usage error (exit 2)"
mkdir -p "$TMP/only"
"$KAMAE" --db "$DB" export --out "$TMP/only" --xlsx >/dev/null 2>&1
check "--xlsx writes the workbook only" test "$(ls -A "$TMP/only/$NAME")" = checksheet.xlsx
"$KAMAE" --db "$DB" export --out "$OUT" >/dev/null 2>&1
check "exporting again the same day replaces the files" sh -c "test -z \"\$(ls -A '$DIR' | grep '^\\.')\" &&
	test \$(ls '$DIR' | wc -l) -eq 15"
"$KAMAE" --db "$TMP/new.db" export --out "$OUT" 2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "no assessment yet: exit 1"

# ---- failures leave nothing behind ----
printf 'x\n' >"$TMP/plainfile"
"$KAMAE" --db "$DB" export --out "$TMP/plainfile/sub" 2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "export under a regular file fails with exit 1"
check "...with a clear message" grep -qE "not a folder|does not exist" "$TMP/err.txt"

# A read-only folder. Root ignores permissions, so then run as nobody.
RO="$TMP/ro"
mkdir -p "$RO"
chmod 555 "$RO"
as_user() { "$@"; }
RUN_DB=$DB
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null; then
		mkdir -p "$TMP/nobody"
		cp "$DB" "$TMP/nobody/acme.db"
		# The build tree may be where nobody cannot reach (/root): a copy of
		# the program and the catalog that nobody can read.
		cp "$KAMAE" "$TMP/nobody/kamae" && cp -r "$KAMAE_DATADIR" "$TMP/nobody/data"
		chown -R 65534:65534 "$TMP/nobody"
		chmod 711 "$TMP"
		RUN_DB="$TMP/nobody/acme.db"
		as_user() { shift; setpriv --reuid=65534 --regid=65534 --clear-groups \
			env KAMAE_DATADIR="$TMP/nobody/data" "$TMP/nobody/kamae" "$@"; }
	else
		RUN_DB=
	fi
fi
if [ -n "$RUN_DB" ]; then
	as_user "$KAMAE" --db "$RUN_DB" export --out "$RO" 2>"$TMP/err.txt"
	ok $(( $? == 1 ? 0 : 1 )) "export into a read-only folder fails with exit 1"
	check "...saying the folder is read-only" grep -F "Cannot write into $RO" "$TMP/err.txt"
	check "...and leaves nothing there" empty_dir "$RO"
	# The dated folder already there but read-only: the temporaries fail.
	chmod 755 "$RO" && mkdir "$RO/$NAME" && chmod 555 "$RO/$NAME" "$RO"
	as_user "$KAMAE" --db "$RUN_DB" export --out "$RO" 2>"$TMP/err.txt"
	ok $(( $? == 1 ? 0 : 1 )) "a read-only dated folder fails too, leaving it empty"
	[ -z "$(ls -A "$RO/$NAME")" ] || echo "# left: $(ls -A "$RO/$NAME")"
else
	for d in "read-only folder" "message" "nothing left" "read-only dated folder"; do
		skip "$d" "running as root without setpriv"
	done
fi

# A file size limit (EFBIG) stops the files half-way. 64 KiB leaves SQLite
# room (its 32 KiB -shm file) but not the workbook's parts (over 100 KiB of
# XML) nor plan.html. libxlsxwriter does not notice a cut part, so this also
# checks that kamae reads the workbook back. Nothing may be left behind: no
# partial file, no temporary, not the dated folder created for it.
mkdir -p "$TMP/big" "$TMP/big2"
(ulimit -f 64; trap '' XFSZ; exec "$KAMAE" --db "$DB" export --out "$TMP/big") 2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "a workbook cut short fails with exit 1"
check "...saying the workbook is incomplete" grep -qF "workbook came out incomplete" "$TMP/err.txt"
check "...leaving nothing behind" empty_dir "$TMP/big"
check "...with kamae's message only (libxlsxwriter kept quiet)" \
	sh -c "test \$(wc -l <'$TMP/err.txt') -eq 1 && ! grep -q '\\[ERROR\\]' '$TMP/err.txt'"
(ulimit -f 8; trap '' XFSZ; exec "$KAMAE" --db "$DB" export --html --text --out "$TMP/big2") \
	2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "plan.html cut short fails with exit 1"
check "...naming the file, leaving nothing" sh -c "grep -qF 'plan.html could not be written' '$TMP/err.txt' &&
	test -z \"\$(ls -A '$TMP/big2')\""

# A full disk (ENOSPC): a tiny tmpfs in a private mount namespace, root only.
if [ "$(id -u)" -eq 0 ] && unshare --mount true 2>/dev/null; then
	mkdir -p "$TMP/full"
	unshare --mount sh -c "mount -t tmpfs -o size=24k tmpfs '$TMP/full' &&
		'$KAMAE' --db '$DB' export --out '$TMP/full' 2>'$TMP/err.txt'; echo \$? >'$TMP/rc.txt';
		ls -A '$TMP/full' >'$TMP/left.txt'"
	check "a full disk fails with exit 1" test "$(cat "$TMP/rc.txt")" = 1
	check "...saying the disk is full, leaving nothing" sh -c "grep -qF 'The disk is full' '$TMP/err.txt' &&
		test ! -s '$TMP/left.txt'"
else
	skip "a full disk fails with exit 1" "needs root and mount namespaces"
	skip "...saying the disk is full" "needs root and mount namespaces"
fi

# Two companies exported on one day, into a folder --out makes: both kept.
"$KAMAE" --db "$TMP/b/b.db" init --company "B/C 工業:本社" --band le100 --year 2026 >/dev/null
mkdir -p "$TMP/day" && (cd "$TMP" && "$KAMAE" --db "$DB" export --out "$TMP/day/new" >/dev/null &&
	"$KAMAE" --db "$TMP/b/b.db" export --out "$TMP/day/new" >/dev/null)
check "year and assessor on the plan and the contact sheet" sh -c "grep -q '2026年度' '$DIR/plan.txt' &&
	grep -q '2026年度' '$DIR/contacts.txt' && grep -q '評価者: *山田' '$DIR/contacts.txt' &&
	grep -q '2026年度' '$DIR/contacts.html' && grep -q '2026年度' '$DIR/plan.html'"
check "--out is made (0700) when it does not exist" test "$(stat -c %a "$TMP/day/new")" = 700
check "two companies exported on one day both keep their files" sh -c "test -s '$TMP/day/new/kamae-$COMPANY-FY2026-$TODAY/checksheet.xlsx' &&
	test -s '$TMP/day/new/kamae-B_C_工業_本社-FY2026-$TODAY/checksheet.xlsx'"

# LibreOffice (the office suite a Debian user has) opens the workbook: it
# converts to PDF with the 11 columns and every row's example.
mkdir -p "$TMP/pdf" "$TMP/lo-home"
HOME="$TMP/lo-home" timeout 180 soffice --headless --convert-to pdf --outdir "$TMP/pdf" \
	"$DIR/checksheet.xlsx" >"$TMP/lo.txt" 2>&1
check "LibreOffice converts checksheet.xlsx to PDF" test -s "$TMP/pdf/checksheet.pdf"
pdftotext "$TMP/pdf/checksheet.pdf" "$TMP/pdf/checksheet.txt" 2>/dev/null
check "...with the 他社事例 column and kamae's marked example on all 153 rows" sh -c \
	"grep -q '他社事例' '$TMP/pdf/checksheet.txt' && test \$(grep -o '（kamae の例）' '$TMP/pdf/checksheet.txt' | wc -l) -eq 153"
[ "$_failed" -eq 0 ]
