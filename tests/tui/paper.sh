#!/bin/bash
# The paper as a user makes it: plan screen, contacts screen, export screen, under tmux.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 25
DB="$TMP/paper.db"
OUT="$TMP/out"
mkdir -p "$OUT"
"$KAMAE" --db "$DB" init --company "株式会社テスト精機" --band le500 --target 2 >/dev/null
for a in "19 1" "20 0" "24 n" "26 0"; do "$KAMAE" --db "$DB" answer $a; done
"$KAMAE" --db "$DB" answer 18 2 --note "緊急連絡体制表（2026年4月版）"

start_ui 80 24 LANG=C.UTF-8
wait_for "Resumed at No.148" >/dev/null
key a
check "a opens the plan, priority items first" wait_for "*No.19   Lv1 対策中"
check "...saying how many items are still unanswered" wait_for "3 tasks, 1 evidence, 119 unanswered"
# Each task holds a line break ("進め方の例"): every row stays one line,
# nothing spills into column 0 (issue 14, defect 2), at 80 and 100 columns.
check "...every row one line at 80 columns" sh -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t ui | grep -q '^[^ -]'"
tm resize-window -t ui -x 100 -y 30
wait_for "Improvement plan" >/dev/null
check "...and at 100 columns" sh -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t ui | grep -q '^[^ -]'"
tm resize-window -t ui -x 80 -y 24
wait_for "*No.19   Lv1 対策中" >/dev/null
# No.20 comes first: the cheapest task of phase 1 is due first.
key Down Enter
check "Enter edits the selected task" wait_for "Plan task for No.19"
# The owner field starts from the coach's 担当: replace it.
key Enter
for _ in $(seq 1 30); do tm send-keys -t ui BSpace; done
type_text "総務 佐藤"
key Enter BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "2027-13-40"
key Enter
check "an impossible due date is refused" wait_for "Write a real date"
key BSpace BSpace BSpace BSpace BSpace
type_text "03-31"
key Enter 2 Enter Enter
check "the plan shows owner, due date and status" wait_for "2027-03-31 進行中 総務 佐藤"
q() { sqlite3 "$DB" "$1"; }
check "the task is stored" test "$(q "select owner||'|'||due||'|'||status from actions where item=19")" = "総務 佐藤|2027-03-31|1"

key s
check "s on the plan opens the sign-off" wait_for "Plan sign-off (承認)"
type_text "代表取締役 山田 一郎"
key Enter
type_text "2026-12-10"
key Enter
check "...and saves who approved it and when" wait_for "Plan sign-off saved."
check "...in the database" test "$(q "select group_concat(value, '|') from (select value from settings where key like 'plan_appr%' order by key)")" = "2026-12-10|代表取締役 山田 一郎"

key c
check "c opens the contact sheet" wait_for "情報セキュリティ責任者"
check "...which says what the answers leave missing" wait_for "No.19"
key Down Enter
type_text "鈴木 一郎"
key Enter
type_text "090-1234-5678"
key Escape
check "the phone number shows in the sheet" wait_for "090-1234-5678"
check "the contact is stored" test "$(q "select person||'|'||phone from contacts where role in (select role from contacts)")" = "鈴木 一郎|090-1234-5678"

key x
check "x opens the export screen" wait_for "Folder (a dated folder"
# Replace the folder with ours: clear the field, type the path.
for _ in $(seq 1 80); do tm send-keys -t ui BSpace; done
type_text "$OUT"
key Enter
check "the export screen lists the written files" wait_for "Written into"
check "...all fifteen of them at 80x24, the last one included" wait_for "access-review.txt"
dir=$(ls -d "$OUT"/kamae-* 2>/dev/null | head -n 1)
docs="policy incident-procedure incident-report backup-plan access-review"
check "all fifteen files exist" sh -c "cd '$dir' && test -s checksheet.xlsx && for f in plan contacts $docs; do test -s \$f.html && test -s \$f.txt || exit 1; done"
check "the contact sheet carries the phone number" grep -qF "090-1234-5678" "$dir/contacts.html"
check "the plan's first page carries the approver and the date" \
	sh -c "grep -qF '承認者: 代表取締役 山田 一郎' '$dir/plan.html' && grep -qF '日付: 2026-12-10' '$dir/plan.html'"
check "the incident procedure carries the name and number entered on the contact sheet" \
	sh -c "grep -qF '鈴木 一郎' '$dir/incident-procedure.html' && grep -qF '090-1234-5678' '$dir/incident-procedure.html' &&
	grep -qF '鈴木 一郎' '$dir/incident-procedure.txt'"
check "a reminder to decide goes once the sheet has it (the 責任者 named), and stays while it is missing" \
	sh -c "! grep -qF '情報セキュリティ責任者を決め' '$dir/policy.txt' && grep -qF '代わりのやり方（FAX、電話、紙の伝票など）を決め' '$dir/incident-procedure.txt'"
check "every document carries the company name and year" sh -c "cd '$dir' && for f in $docs; do
	for e in html txt; do grep -qF '株式会社テスト精機' \$f.\$e && grep -qF '2026年度' \$f.\$e || exit 1; done; done"
check "no temporary file is left" test -z "$(ls -A "$dir" | grep -v -E '^(checksheet\.xlsx|[a-z-]+\.(html|txt))$')"
key Escape q
stop_ui
[ "$_failed" -eq 0 ]
