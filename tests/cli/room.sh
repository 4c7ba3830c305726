#!/bin/bash
# kamae room: a workshop of a dozen files with known answers — one open in a
# wizard, one damaged, one not SQLite, one of another program. Every figure
# of the table against kamae summary of each file, the label view against
# the databases, the skipped list, the exit status, --anonymous, --year,
# and room.xlsx / room.html.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 29
ROOM="$TMP/room"
mkdir -m 700 "$ROOM"
# answers FILE PATTERN...: item:value pairs.
answers() {
	local db=$1 a
	shift
	for a in "$@"; do
		"$KAMAE" --db "$db" answer "${a%%:*}" "${a##*:}" >/dev/null || echo "# answer $a failed in $db"
	done
}
# spread FILE FIRST LAST: items FIRST..LAST answered 2,1,0,n,(none) in turn.
spread() {
	local db=$1 no v
	for no in $(seq "$2" "$3"); do
		v=$(( no % 5 ))
		case $v in 4) continue ;; 3) v=n ;; esac
		"$KAMAE" --db "$db" answer "$no" "$v" >/dev/null || echo "# answer $no failed in $db"
	done
}
mk() { "$KAMAE" --db "$ROOM/$1" --year "${3:-2026}" init --company "$2" $4 >/dev/null || echo "# init $1 failed"; }

mk a.db "株式会社山田製作所" 2026 "--band le100 --target 2"
answers "$ROOM/a.db" 18:2 19:2 20:2 24:2 26:2 150:2 151:2 152:2 16:2 124:2 136:1 137:0
mk b.db "佐藤工業株式会社" 2026 "--band le500 --target 1"
spread "$ROOM/b.db" 1 60
mk c.db "鈴木精機" 2026 "--band le3000 --target 3"
spread "$ROOM/c.db" 1 153
mk d.db "=HYPERLINK(\"http://x\",\"y\")" 2026 "--band le100 --target 2"
spread "$ROOM/d.db" 40 110
mk e.db "規模未設定の会社" 2026 "--target 2"
answers "$ROOM/e.db" 1:2 2:2 3:2
mk f.db "二年目工業" 2025 "--band le100 --target 2"
answers "$ROOM/f.db" 18:2 19:1 20:0 49:2 51:2 148:n
"$KAMAE" --db "$ROOM/f.db" --year 2026 init --from 2025 >/dev/null
answers "$ROOM/f.db" 19:2
mk g.db "該当なし電機" 2026 "--band le100 --target 1"
answers "$ROOM/g.db" 1:n 2:n 3:n 4:2
mk h.db "まだ未回答の会社" 2026 "--band le100 --target 2"
mk i.db "ウィザード中の会社" 2026 "--band le500 --target 2"
answers "$ROOM/i.db" 18:2 19:2
cp "$ROOM/c.db" "$ROOM/j.db"
truncate -s "$(( $(stat -c %s "$ROOM/c.db") / 2 ))" "$ROOM/j.db"
echo "これはデータベースではありません" >"$ROOM/k.db"
sqlite3 "$ROOM/l.db" "create table t(x); insert into t values (1);"
chmod 600 "$ROOM"/*.db

# One participant has i.db open in the wizard and answers one more item.
DB="$ROOM/i.db"
start_ui 80 24 LANG=C.UTF-8
wait_for "ウィザード中の会社" >/dev/null
screen >"$TMP/wizard-before.txt"
key 2
wait_for "saved." >/dev/null
check "the wizard holds i.db and has saved an answer into its WAL" test -s "$ROOM/i.db-wal"

md5() { for f in "$ROOM"/*.db; do [ "$f" = "$ROOM/i.db" ] || md5sum "$f"; done; }
md5 >"$TMP/md5.before"
"$KAMAE" room "$ROOM" >"$TMP/room.txt" 2>"$TMP/room.err"
ok $(( $? == 1 ? 0 : 1 )) "kamae room DIR exits 1 when some files were skipped"
check "...heading counts 9 companies and 3 skipped files" grep -qx "Room: 9 companies, assessment 2026, 3 files skipped (listed at the end)" "$TMP/room.txt"
check "...the damaged file listed with its reason" grep -qx "  $ROOM/j.db: damaged" "$TMP/room.txt"
check "...the text file listed as not SQLite" grep -qx "  $ROOM/k.db: not a database (not SQLite)" "$TMP/room.txt"
check "...another program's database listed" grep -qx "  $ROOM/l.db: a database of another program" "$TMP/room.txt"
check "...and it left no -wal or -shm beside files at rest" sh -c "! ls '$ROOM' | grep -v '^i\.db' | grep -qE -- '-(wal|shm)$'"
readable="a b c d e f g h i"
files() { for n in $readable; do printf '%s ' "$ROOM/$n.db"; done; }
check "every figure of the company and industry tables equals kamae summary; the label view equals the databases" \
	/usr/bin/python3 "$KAMAE_SRCDIR/tests/cli/room_check.py" "$TMP/room.txt" 0 $(files)
check "...the wizard's answer is in (read from its WAL, as it stands)" \
	test "$(sqlite3 "file:$ROOM/i.db?mode=ro" "select count(*) from answers where value is not null")" = 3

check "...and the room shows 3 of i.db's 124 answered" grep -qE "^ウィザード中の~ +〜500名 +Lv2 +3/124 " "$TMP/room.txt"
check "the table fits 80 columns" sh -c "! awk '{ if (length(\$0) > 0) print }' '$TMP/room.txt' | /usr/bin/python3 -c 'import sys,unicodedata; sys.exit(any(sum(2 if unicodedata.east_asian_width(c) in \"WF\" else 1 for c in l.rstrip(\"\\n\")) > 80 for l in sys.stdin))' || exit 1"
mkdir -p "$TMP/locale/ja/LC_MESSAGES"
msgfmt -o "$TMP/locale/ja/LC_MESSAGES/kamae.mo" "$KAMAE_SRCDIR/po/ja.po"
LANGUAGE=ja KAMAE_LOCALEDIR="$TMP/locale" "$KAMAE" room "$ROOM" >"$TMP/room-ja.txt" 2>/dev/null
check "...and so does the Japanese one, every line" /usr/bin/python3 -c "
import sys, unicodedata
wide = [l for l in open('$TMP/room-ja.txt', encoding='utf-8')
        if sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in l.rstrip('\n')) > 80]
print(''.join(wide)); sys.exit(1 if wide or '会社' not in open('$TMP/room-ja.txt', encoding='utf-8').read() else 0)"
md5 >"$TMP/md5.after"
check "room changed no byte of any file" cmp -s "$TMP/md5.before" "$TMP/md5.after"
key q
stop_ui

"$KAMAE" room --anonymous "$ROOM" >"$TMP/anon.txt"
names="山田製作所 佐藤工業 鈴木精機 HYPERLINK 規模未設定 二年目工業 該当なし電機 未回答の会社 ウィザード中 a.db j.db k.db l.db $ROOM"
leaked=$(for n in $names; do grep -F -- "$n" "$TMP/anon.txt" >/dev/null && echo "$n"; done)
ok $([ -z "$leaked" ] && echo 0 || echo 1) "--anonymous shows no company or file name${leaked:+ (leaked: $leaked)}"
check "...A社 to I社, in that order" test "$(grep -oE '^[A-I]社' "$TMP/anon.txt" | head -9 | tr -d '\n')" = "A社B社C社D社E社F社G社H社I社"
"$KAMAE" room --anonymous "$ROOM" >"$TMP/anon2.txt"
check "...the same letters every time, not in the files' order (a.db is not A社)" sh -c "cmp -s '$TMP/anon.txt' '$TMP/anon2.txt' &&
	test \"\$(grep -E '^A社' '$TMP/anon.txt' | awk '{print \$2, \$3, \$4}')\" != \"\$(grep -E '^山田製作所' '$TMP/room.txt' | awk '{print \$2, \$3, \$4}')\""
check "...the skipped files by position" grep -qE "^  file [0-9]+: damaged$" "$TMP/anon.txt"

"$KAMAE" room "$ROOM/a.db" "$ROOM/c.db" "$ROOM/a.db" >"$TMP/two.txt"
ok $? "two good files (one named twice) exit 0"
check "...counted once" grep -qx "Room: 2 companies, assessment 2026" "$TMP/two.txt"
"$KAMAE" room --year 2025 "$ROOM/f.db" "$ROOM/a.db" >"$TMP/y.txt"
ok $(( $? == 1 ? 0 : 1 )) "--year 2025 skips a file without 2025 (exit 1)"
check "...naming why" grep -qx "  $ROOM/a.db: no assessment for 2025" "$TMP/y.txt"
check "...and f.db's 2025 figures equal its --year 2025 summary" \
	/usr/bin/python3 "$KAMAE_SRCDIR/tests/cli/room_check.py" "$TMP/y.txt" 2025 "$ROOM/f.db"

"$KAMAE" room --out "$TMP/out" "$ROOM" >"$TMP/out.txt"
check "--out writes room.xlsx and room.html (0600 in a 0700 folder)" \
	test "$(stat -c %a "$TMP/out" "$TMP/out/room.xlsx" "$TMP/out/room.html" | tr '\n' ' ')" = "700 600 600 "
check "room.xlsx holds the table's figures, the label averages as formulas with their values, and the heat map" \
	/usr/bin/python3 "$KAMAE_SRCDIR/tests/cli/room_xlsx.py" "$TMP/out/room.xlsx" "$TMP/room.txt"
mkdir -p "$TMP/pdf" "$TMP/lo-home"
HOME="$TMP/lo-home" timeout 180 soffice --headless --convert-to pdf --outdir "$TMP/pdf" \
	"$TMP/out/room.xlsx" >"$TMP/lo.txt" 2>&1
check "LibreOffice converts room.xlsx to PDF" test -s "$TMP/pdf/room.pdf"
pdftotext "$TMP/pdf/room.pdf" "$TMP/pdf/room.txt" 2>/dev/null
check "...with the companies and the room's averages" sh -c "grep -q '山田製作所' '$TMP/pdf/room.txt' && grep -q '50%未満の社数' '$TMP/pdf/room.txt'"
check "room.html has a heat-map row per company and escapes what a name holds" sh -c \
	"test \$(grep -o '<td class=\"name\">' '$TMP/out/room.html' | wc -l) = 9 && grep -qF '=HYPERLINK(&quot;http://x&quot;' '$TMP/out/room.html' && ! grep -qF '\"http://x\"' '$TMP/out/room.html'"
mkdir -m 777 "$TMP/shared"
"$KAMAE" room --out "$TMP/shared" "$ROOM/a.db" >/dev/null 2>"$TMP/shared.err"
ok $(( $? == 1 ? 0 : 1 )) "--out into a folder others may write in is refused"
check "...saying why, and writing nothing there" sh -c "grep -q 'not a folder of yours alone' '$TMP/shared.err' && test -z \"\$(ls -A '$TMP/shared')\""
