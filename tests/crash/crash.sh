#!/bin/bash
# The crash campaign: kill -9 at random moments of CLI answers and of the
# wizard driven in tmux. Afterwards the file passes integrity_check, every
# answer whose command succeeded (or whose screen moved on) is there with
# its note, an answer and its note never come apart, and the lock is free.
# CRASH_CLI and CRASH_TUI set the counts (CI: 200 and 20; 1000+ on demand).
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
CLI_N=${CRASH_CLI:-200} TUI_N=${CRASH_TUI:-20}
plan 7
DB="$TMP/co/acme.db"
"$KAMAE" --db "$DB" init --company "株式会社テスト" --band le100 --target 2 >/dev/null
q() { sqlite3 "$DB" "$1"; }
code() { case $1 in 2) echo done ;; 1) echo progress ;; 0) echo notdone ;; n) echo na ;; esac; }

# CLI: answer VALUE with the note "rI-VALUE" and kill it at a random moment.
# want[no]: the pair of the last answer that succeeded; maybe[no]: pairs of
# later runs that were killed, any of which may have committed.
declare -A want maybe
killed=0 finished=0
for i in $(seq 1 "$CLI_N"); do
	no=$(( (i % 40) + 1 ))
	v=$(( i % 3 ))
	"$KAMAE" --db "$DB" answer "$no" "$v" --note "r$i-$v" 2>/dev/null &
	pid=$!
	# 0-9 ms: before, during or after the commit.
	sleep "0.00$(( RANDOM % 10 ))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rc=$?
	if [ "$rc" -eq 0 ]; then
		want[$no]="r$i-$v|$(code "$v")"
		maybe[$no]=""
		finished=$((finished + 1))
	else
		killed=$((killed + 1))
		maybe[$no]="${maybe[$no]:-} r$i-$v|$(code "$v") "
	fi
done
echo "# CLI: $CLI_N runs, $killed killed, $finished finished"
check "integrity_check is ok after $CLI_N kills" test "$(q 'pragma integrity_check')" = ok
lost=0
for no in "${!want[@]}"; do
	got=$(q "select note||'|'||value from answers where item=$no")
	case "$got" in
	"${want[$no]}") ;;
	*) case "${maybe[$no]:-}" in
	   *" $got "*) ;;   # a later run committed just before its kill
	   *) lost=$((lost + 1)); echo "# No.$no: want ${want[$no]}, got $got" ;;
	   esac ;;
	esac
done
echo "# CLI: ${#want[@]} confirmed answers checked, $lost lost"
ok "$lost" "every answer whose command succeeded is there with its note"
torn=$(q "select count(*) from answers where note like 'r%' and substr(note, instr(note,'-')+1) <>
	case value when 'done' then '2' when 'progress' then '1' when 'notdone' then '0' end")
check "an answer and its note never come apart ($torn torn)" test "$torn" = 0
"$KAMAE" --db "$DB" answer 150 2 >/dev/null 2>&1
ok $? "the lock is free after the kills"

# TUI: answer in the wizard; once the next item shows, the answer is on disk.
lost=0 confirmed=0
for i in $(seq 1 "$TUI_N"); do
	start_ui 80 24 LANG=C.UTF-8
	wait_for "No." 5 >/dev/null || continue
	item=$(screen | sed -n 's/^ *No\.\([0-9]*\)  Lv.*/\1/p' | head -n 1)
	[ -n "$item" ] || { stop_ui; continue; }
	tm send-keys -t ui 2
	# Kill at once half the time (mid-answer), else after the screen moved on.
	if [ $((i % 2)) -eq 0 ]; then
		wait_for "No.$item: " 3 >/dev/null && moved=1 || moved=0
	else
		sleep "0.0$(( RANDOM % 10 ))"
		screen | grep -q "No.$item: " && moved=1 || moved=0
	fi
	kill -9 "$(ui_pid)" 2>/dev/null
	stop_ui
	if [ "$moved" = 1 ]; then
		confirmed=$((confirmed + 1))
		[ "$(q "select value from answers where item=$item")" = done ] || lost=$((lost + 1))
	fi
done
echo "# TUI: $TUI_N kills, $confirmed answers confirmed on screen, $lost lost"
ok "$lost" "every answer the wizard confirmed on screen survived kill -9"
check "integrity_check is ok after the wizard kills" test "$(q 'pragma integrity_check')" = ok
"$KAMAE" --db "$DB" summary >/dev/null 2>&1 && "$KAMAE" --db "$DB" answer 151 1 >/dev/null 2>&1
ok $? "the file opens and the lock is free afterwards"
[ "$_failed" -eq 0 ]
