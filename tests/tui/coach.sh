#!/bin/bash
# The coach on every item, as a user meets it: items of each level show
# their plain words, owner and effort; the glossary terms of an item are one
# key away; search finds items by half-width katakana, by a word that only a
# coach text has, and by a word that only the user's note has.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 22
DB="$TMP/co/acme.db"
"$KAMAE" --db "$DB" init --company "株式会社テスト" --band le100 --target 3 >/dev/null
coach() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$KAMAE_DATADIR/coach.tsv"; }
role_text() { coach "$1" 6 | sed 's/,/、/'; }
effort_name() { awk -F'\t' -v n="$(coach "$1" 7)" '$1 == n { print $2 }' "$KAMAE_DATADIR/efforts.tsv"; }
go() { key g; type_text "$1"; key Enter; }

start_ui 80 24 LANG=C.UTF-8
wait_for "No.18" >/dev/null
for no in 2 35 88 140 153; do
	go "$no"
	# The first 12 characters of the plain words, on the item's first screen.
	plain=$(coach "$no" 2 | cut -c1-12)
	check "No.$no (Lv$(awk -F'\t' -v n="$no" '$1 == n { print $2 }' "$KAMAE_DATADIR/items.tsv")) shows its coach in plain words" \
		wait_for "$plain"
	check "...with who usually owns it and the effort" wait_for "Owner: $(role_text "$no")  Effort: $(effort_name "$no")"
done

# The glossary terms of an item: underlined in its text, t lists them.
go 136
wait_for "No.136" >/dev/null
key t
check "t on No.136 shows the terms of that item" wait_for "Terms of No.136"
check "...with their definitions (マルウェア)" wait_for "マルウェア"
key Escape
check "Esc goes back to the item" wait_for "No.136  Lv1"

# Search: half-width katakana finds パスワード.
set -- $(/usr/bin/python3 "$KAMAE_SRCDIR/tests/search_expect.py" "$KAMAE_DATADIR" ﾊﾟｽﾜｰﾄﾞ)
key /
type_text "ﾊﾟｽﾜｰﾄﾞ"
key Enter
check "ﾊﾟｽﾜｰﾄﾞ (half-width) finds the password items" wait_for "Search \"ﾊﾟｽﾜｰﾄﾞ\": $1 items"
check "...among them No.115" wait_for "No.115"
key Escape
# A word that only the coach texts use.
set -- $(/usr/bin/python3 "$KAMAE_SRCDIR/tests/search_expect.py" "$KAMAE_DATADIR" BitLocker)
check "BitLocker is in no guideline text (only in the coach)" test -z "$(grep -l BitLocker "$KAMAE_DATADIR/items.tsv" "$KAMAE_DATADIR/glossary.tsv")"
key /
type_text "bitlocker"
key Enter
check "a word only in the coach finds its items (case folded)" wait_for "Search \"bitlocker\": $1 items"

# A word that only the user's note has.
key Escape
go 18
wait_for "No.18  Lv1" >/dev/null
key e
type_text "ふくろう金庫に保管"
key Escape
check "the note is saved" test "$(sqlite3 "$DB" "select note from answers where item=18")" = "ふくろう金庫に保管"
key /
type_text "ふくろう"
key Enter
check "a word only in a note finds that item" wait_for "Search \"ふくろう\": 1 item"
check "...which is No.18" wait_for "No.18 "
key q
stop_ui

# In Japanese, the headings a user reads.
mkdir -p "$TMP/locale/ja/LC_MESSAGES"
msgfmt -o "$TMP/locale/ja/LC_MESSAGES/kamae.mo" "$KAMAE_SRCDIR/po/ja.po"
start_ui 80 24 LANG=C.UTF-8 LANGUAGE= KAMAE_LOCALEDIR="$TMP/locale"
wait_for "No." >/dev/null
go 35
check "Japanese by default: わかりやすく言うと" wait_for "わかりやすく言うと"
check "...and 担当 / 手間 in one line" wait_for "担当: $(role_text 35)　手間: $(effort_name 35)"
key q
stop_ui
[ "$_failed" -eq 0 ]
