#!/bin/bash
# The wizard as a new user drives it: real keys into the real binary under tmux.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 45
DB="$TMP/company/wizard.db"

start_ui 80 24 LANG=C.UTF-8
check "first run shows the welcome" wait_for "Press Enter to fill in the company profile"
key Enter
check "profile form opens" wait_for "Company name"
type_text "株式会社テスト精機"
key Enter 5 Enter Enter Enter
type_text "山田太郎"
key Enter
check "group 1 starts with its first measure" wait_for "Measure 1: 緊急時の対応手順や連絡体制の再確認"

# The 19 priority items in the brochure's order, with a mix of answers.
order=(18 19 20 24 26 148 149 150 16 124 136 137 115 49 51 52 76 77 78)
answers=(2 1 0 n 2 2 1 0 2 1 2 2 0 1 n 2 1 0 2)
intro_before=" 18 148 150 16 124 136 115 49 "
NOTE="バックアップは毎日、NASと外付けHDDに保存"
REASON="事故対応は親会社の手順書に従う契約"
seen=0 na_asked=0
for i in "${!order[@]}"; do
	no=${order[$i]}
	if [[ "$intro_before" == *" $no "* ]]; then
		wait_for "Enter continue" >/dev/null && key Enter
	fi
	if wait_for "No.$no  Lv1" >/dev/null; then
		seen=$((seen + 1))
	fi
	if [ "$no" = 148 ]; then
		# The note: typed in Japanese, corrected with Left and Backspace, saved with Esc.
		key e
		wait_for "evidence note) for No.148" >/dev/null
		type_text "${NOTE}XY"
		key Left BSpace
		type_text ""
		key Escape
		wait_for "No.148: note saved." >/dev/null
	fi
	key "${answers[$i]}"
	if [ "${answers[$i]}" = n ]; then
		# 該当なし asks why; one reason given, the other left for later (Esc).
		wait_for "Why does this item not apply" >/dev/null && na_asked=$((na_asked + 1))
		[ "$no" = 24 ] && type_text "$REASON"
		key Escape
	fi
done
ok $(( na_asked == 2 ? 0 : 1 )) "each 該当なし asked for its reason ($na_asked/2)"
ok $(( seen == 19 ? 0 : 1 )) "each of the 19 priority items was shown in order ($seen/19)"
check "after the priority items the rest of Lv1 begins" wait_for "Lv1 (the rest)"
echo "# keystrokes from an empty database to 19 answers and one note: $KEYS_SENT"
ok $(( KEYS_SENT <= 45 ? 0 : 1 )) "at most 45 keystrokes besides the typed text ($KEYS_SENT)"
key q
sleep 0.3
check "q leaves kamae" test -z "$(ui_pid)"
stop_ui

# Everything is in the database.
q() { sqlite3 "$DB" "$1"; }
check "profile stored" test "$(q "select company||'|'||band||'|'||target_level||'|'||assessor from assessments")" = "株式会社テスト精機|le100|2|山田太郎"
code() { case $1 in 2) echo done ;; 1) echo progress ;; 0) echo notdone ;; n) echo na ;; esac; }
bad=0
for i in "${!order[@]}"; do
	got=$(q "select value from answers where item=${order[$i]}")
	[ "$got" = "$(code "${answers[$i]}")" ] || { echo "# No.${order[$i]}: got '$got'"; bad=$((bad + 1)); }
done
ok "$bad" "all 19 answers stored as given"
check "exactly 19 answers stored" test "$(q "select count(*) from answers where value is not null")" = 19
check "the note is stored exactly (typed XY, Left, Backspace removed the X)" \
	test "$(q "select note from answers where item=148")" = "${NOTE}Y"
"$KAMAE" --db "$DB" summary >"$TMP/summary.txt"
check "the reason of a 該当なし is stored as its note" test "$(q "select note from answers where item=24")" = "$REASON"
check "summary agrees: no priority item unanswered" contains "$TMP/summary.txt" "Unanswered priority items: none"
# Lv1 by hand: 2×8 done + 1×5 progress = 21 over 48 applicable (2 n/a): 21 × 50 / 48 = 21.9.
check "summary agrees: Lv1 points" contains "$TMP/summary.txt" "Lv1 21.9/100 (22%)"

# Restart: resumes at the first unanswered item of the flow (No.1, rest of Lv1).
start_ui 80 24 LANG=C.UTF-8
check "restart resumes with a notice" wait_for "Resumed at No.1 (19 of 124 answered)."
# A second kamae on the same file, even through a symlink, is refused with the pid.
ln -s "$DB" "$TMP/link.db"
"$KAMAE" --db "$TMP/link.db" answer 5 2 2>"$TMP/lock.txt"
ok $(( $? == 1 ? 0 : 1 )) "a second kamae writing the same file (via a symlink) is refused"
check "...naming the pid of the first" contains "$TMP/lock.txt" "(pid $(ui_pid))"
sum_before=$(sha256sum <"$DB")
"$KAMAE" --db "$TMP/link.db" summary >"$TMP/sum.txt" 2>&1
ok $? "summary reads the file while the wizard has it open"
check "...sees the answers the wizard saved" contains "$TMP/sum.txt" "Lv1  19/50"
check "...and changes not a byte" test "$(sha256sum <"$DB")" = "$sum_before"
check "...on the item No.1" wait_for "No.1  Lv1"
# Too small, then larger: a clear message, then the same item intact.
tm resize-window -t ui -x 60 -y 20
check "60x20 asks to enlarge the window" wait_for "Please enlarge the window to at least 80x24 (now 60x20)."
tm resize-window -t ui -x 100 -y 30
check "100x30 redraws the item" wait_for "No.1  Lv1"
check "...with its condition" wait_for "自社の情報セキュリティ対応方針(ポリシー)を策定している"
check "...and the footer" wait_for "2 done  1 in progress  0 not done  n N/A"

# kill -9 right after an answer: once the next screen is drawn, the answer is on disk.
key 2
wait_for "No.2  Lv2" 3 >/dev/null || wait_for "No.3  Lv1" 3 >/dev/null
kill -9 "$(ui_pid)"
sleep 0.2
check "answer given just before kill -9 is in the database" test "$(q "select value from answers where item=1")" = done
check "the database is intact after kill -9" test "$(q "pragma integrity_check")" = ok
stop_ui

# Lists, jump, search, help, glossary.
start_ui 80 24 LANG=C.UTF-8
check "restart after kill -9 resumes at the next item" wait_for "Resumed at No.3"
key l
check "l shows the overview" wait_for "All items in the flow: 124"
check "...with answers and the note mark" wait_for "No.148  Lv1 対策完了  *"
key u
check "u filters to unanswered" wait_for "Unanswered items in the flow: 104"
key Escape g
type_text "115"
key Enter
check "g jumps to an item" wait_for "No.115  Lv1"
key /
type_text "バックアップ"
key Enter
check "/ searches the texts in Japanese" wait_for "Search \"バックアップ\""
key Escape /
type_text "ｐｃ"
key Enter
set -- $(/usr/bin/python3 "$KAMAE_SRCDIR/tests/search_expect.py" "$KAMAE_DATADIR" ｐｃ)
check "search ignores case and full width (ｐｃ finds PC)" wait_for "Search \"ｐｃ\": $1 items"
key Escape /
type_text "バックアップ"
key Enter
key Enter
set -- $(/usr/bin/python3 "$KAMAE_SRCDIR/tests/search_expect.py" "$KAMAE_DATADIR" バックアップ)
check "Enter opens the first result" wait_for "No.$2  Lv"
key '?'
check "? shows help generated from the key table" wait_for "Answer 対策完了"
key w
check "w opens the glossary" wait_for "BYOD"
key Escape Escape
key r
check "r shows the review with the industry average" wait_for "2022 industry average for 100名以下, target Lv2: 155.0/248 (689 companies)"
check "...from its top (nothing selected yet)" wait_for "Points per level"
key Down
check "...and Down goes into what is left to do" wait_for "Still to do"
key q
stop_ui

# Languages: the footer follows the locale.
mkdir -p "$TMP/locale/ja/LC_MESSAGES"
msgfmt -o "$TMP/locale/ja/LC_MESSAGES/kamae.mo" "$KAMAE_SRCDIR/po/ja.po"
start_ui 80 24 LANG=C.UTF-8 LANGUAGE=ja KAMAE_LOCALEDIR="$TMP/locale"
check "Japanese footer with LANGUAGE=ja" wait_for "2 対策完了  1 対策中  0 未実施  n 該当なし"
check "Japanese resume notice" wait_for "No.3 から再開"
key q
stop_ui
# ja_JP.UTF-8 asked for but not installed (as on most servers): still Japanese.
if ! locale -a 2>/dev/null | grep -qi '^ja_JP'; then
	start_ui 80 24 LC_ALL= LANGUAGE= LANG=ja_JP.UTF-8 KAMAE_LOCALEDIR="$TMP/locale"
	check "LANG=ja_JP.UTF-8 without that locale installed gives Japanese" wait_for "q 終了"
	key q
	stop_ui
else
	ok 0 "ja_JP.UTF-8 is installed here: the gettext path is the ordinary one"
fi
start_ui 80 24 LANG=C.UTF-8 LANGUAGE=en
check "English footer otherwise" wait_for "q quit"
key q
stop_ui
[ "$_failed" -eq 0 ]
