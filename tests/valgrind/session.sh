#!/bin/bash
# valgrind over a scripted session: the commands (init, answer with a note,
# summary, export) and the wizard driven in tmux (answers, a note, the list,
# search, help, the plan, quit). 0 errors and no memory lost by kamae.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 6
DB="$TMP/co/acme.db"
VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
vg() { $VG --log-file="$TMP/vg.%p.log" "$KAMAE" "$@"; }
clean_logs() { ! grep -l . "$TMP"/vg.*.log 2>/dev/null | grep -q .; }

vg --db "$DB" init --company "株式会社テスト" --band le100 --target 2 >/dev/null
vg --db "$DB" answer 18 2 --note "体制表（2026年4月版）" >/dev/null
vg --db "$DB" answer 19 1 >/dev/null
vg --db "$DB" summary >/dev/null
vg --db "$DB" export --out "$TMP" >/dev/null
vg --db "$DB" answer 999 2 2>/dev/null
vg --bogus 2>/dev/null
check "the commands run clean under valgrind (0 errors, nothing lost)" clean_logs
for f in "$TMP"/vg.*.log; do [ -s "$f" ] && sed 's/^/# /' "$f" | head -n 30; done
rm -f "$TMP"/vg.*.log

tm kill-server 2>/dev/null
tm -f /dev/null new-session -d -s ui -x 80 -y 24 \
	"env KAMAE_DATADIR='$KAMAE_DATADIR' LANG=C.UTF-8 $VG --log-file='$TMP/vg.%p.log' '$KAMAE' --db '$DB'; echo vg-exit=\$?; sleep 60"
tm set-option -t ui status off >/dev/null
check "the wizard starts under valgrind" wait_for "No." 60
key 2 0
key e
type_text "メモ"
key Escape l
wait_for "All items" 20 >/dev/null
key Escape /
type_text "ﾊﾟｽﾜｰﾄﾞ"
key Enter
wait_for "Search" 20 >/dev/null
key Escape '?'
wait_for "Help" 20 >/dev/null
key Escape a
wait_for "Improvement plan" 20 >/dev/null
key Escape q
check "...and quits with exit 0 (no error)" wait_for "vg-exit=0" 60
check "the wizard session is clean under valgrind" clean_logs
for f in "$TMP"/vg.*.log; do [ -s "$f" ] && sed 's/^/# /' "$f" | head -n 30; done
check "...and its answers were saved" test "$(sqlite3 "$DB" "select count(*) from answers where value is not null")" -ge 3
check "...with the note" test "$(sqlite3 "$DB" "select count(*) from answers where note like '%メモ%'")" = 1
[ "$_failed" -eq 0 ]
