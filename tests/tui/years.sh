#!/bin/bash
# Year two in the wizard: a Lv2 company answered everything in 2026 and
# starts 2027 from it. The carried answers come one after the other (no
# intros), Enter keeps one as it is, an answer key changes it, and the
# review shows 前年比. Counts the keys year two takes.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 16
DB="$TMP/co/acme.db"
"$KAMAE" --db "$DB" --year 2026 init --company "株式会社二年目" --band le100 --target 2 >/dev/null
# Every Lv1 and Lv2 item (levels are interleaved in the numbering).
for no in $(awk -F'\t' '!/^#/ && $2 <= 2 { print $1 }' "$KAMAE_DATADIR/items.tsv"); do
	"$KAMAE" --db "$DB" answer "$no" 2 >/dev/null || echo "# answer $no failed"
done
"$KAMAE" --db "$DB" answer 18 2 --note "緊急連絡体制表（2026年4月版）" >/dev/null
"$KAMAE" --db "$DB" --year 2027 init --from 2026 >/dev/null
q() { sqlite3 "$DB" "select $1 from answers a join assessments s on s.id = a.assessment where s.year = 2027 $2"; }

start_ui 80 24 LANG=C.UTF-8
check "the wizard opens 2027, named in the header" wait_for "株式会社二年目  FY2027"
check "...at the first carried answer, marked 要再確認" wait_for "(要再確認)"
check "...saying how to keep or change it" wait_for "Press Enter to keep it"
key l
check "the list marks carried answers with ?" sh -c "tmux -L '$TMUX_SOCK' capture-pane -p -t ui | grep -qE '^ *No\.18 +Lv1 対策完了 +\?'"
key Escape
wait_for "(要再確認)" >/dev/null
KEYS_SENT=0
key Enter
check "Enter keeps No.18 and goes on" wait_for "No.18: 対策完了 confirmed."
check "...straight to the next carried item (no intro screen)" wait_for "No.19  Lv1"
key 1
check "an answer key changes a carried answer" wait_for "No.19: 対策中 saved."
# The rest: Enter on each carried answer until the review.
for i in $(seq 1 140); do
	screen | grep -q "Points per level" && break
	key Enter
done
check "after the last carried answer comes the review" wait_for "Points per level"
echo "# keys for year two (124 items, one changed): $KEYS_SENT"
ok $(( KEYS_SENT <= 130 ? 0 : 1 )) "about one key per item ($KEYS_SENT keys for 124 items)"
check "the review shows 前年比" wait_for "Compared with 2026 (前年比)"
check "...and the item that fell back" wait_for "Fell back: No.19"
key q
stop_ui
check "every answer of 2027 is confirmed" test "$(q 'count(*)' 'and confirmed = 0')" = 0
check "...No.19 changed, No.18 kept with its note" test "$(q "value||'|'||note" 'and item in (18, 19) order by item' | tr '\n' ' ')" = "done|緊急連絡体制表（2026年4月版） progress| "

# A new year started from the wizard's profile: the year field, not a relabel.
DB="$TMP/co/three.db"
"$KAMAE" --db "$DB" --year 2026 init --company "株式会社三" --band le100 >/dev/null
"$KAMAE" --db "$DB" answer 18 2 && "$KAMAE" --db "$DB" answer 19 1
start_ui 80 24 LANG=C.UTF-8
wait_for "FY2026" >/dev/null
key p Down Down Down BSpace BSpace BSpace BSpace
type_text 2027
key Enter Enter
check "changing the year in the profile starts that year from the last" wait_for "FY2027 started from FY2026: 2 answers to re-confirm"
check "...and the wizard stands on 2027's first carried answer" wait_for "株式会社三  FY2027"
key q
stop_ui
check "2026 keeps its year and answers; 2027 has them to re-confirm" test "$(sqlite3 "$DB" "select year||':'||count(a.item)||':'||sum(a.confirmed = 0) from assessments s join answers a on a.assessment = s.id group by year" | tr '\n' ' ')" = "2026:2:0 2027:2:2 "
[ "$_failed" -eq 0 ]
