#!/bin/bash
# Terminal and process conventions of the wizard: Ctrl-Z and fg, the exit
# status after a signal with the terminal restored, terminals that cannot
# run a full-screen program, and the language when the locale names none.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 19
DB="$TMP/co/acme.db"
"$KAMAE" --db "$DB" init --company "株式会社テスト" --band le100 --target 2 >/dev/null

# A shell in tmux, in which kamae runs as a user would start it.
start_shell() {
	tm kill-server 2>/dev/null
	tm -f /dev/null new-session -d -s ui -x 80 -y 24 \
		"env -i PATH='$PATH' HOME='$HOME' TERM=screen LANG=C.UTF-8 LANGUAGE=en KAMAE_DATADIR='$KAMAE_DATADIR' PS1='$ ' bash --norc --noprofile -i"
	tm set-option -t ui status off >/dev/null
	wait_for '$'
}
run() { tm send-keys -t ui -l "$1"; tm send-keys -t ui Enter; }
# One job: Ctrl-Z stops the whole of it, and the status is kamae's own.
start_kamae() { run "sh -c '\"\$0\" --db \"\$1\"; echo status=\$?' '$KAMAE' '$DB'"; }
last_line() { tm capture-pane -p -t ui | grep -v '^ *$' | tail -n 1; }

start_shell
run "'$KAMAE' --db '$DB'"
check "the wizard starts in a shell" wait_for "No.18"
tm send-keys -t ui C-z
check "Ctrl-Z suspends kamae: the shell reports it stopped" wait_for "Stopped"
check "...and the shell prompt is back" test "$(last_line)" = '$'
run "fg"
check "fg brings the wizard's screen back" wait_for "No.18"
key 2
check "...and it takes answers again" wait_for "No.19"
check "...saved in the database" test "$(sqlite3 "$DB" "select value from answers where item=18")" = done
key q
wait_for '$' >/dev/null
start_kamae
wait_for "No.19  Lv1" >/dev/null

for sig in TERM HUP INT; do
	tm send-keys -t ui C-l
	pid=$(ui_pid)
	case $sig in TERM) want=143 ;; HUP) want=129 ;; INT) want=130 ;; esac
	kill -"$sig" "$pid"
	check "SIG$sig: kamae exits with $want" wait_for "status=$want"
	# The terminal is restored: what is typed is echoed by the shell again.
	run "echo restored-$sig"
	check "...and the terminal is restored (typing echoes)" wait_for "echo restored-$sig"
	[ "$sig" = INT ] && break
	start_kamae
	wait_for "No.19  Lv1" >/dev/null
done
# Ctrl-C is SIGINT from the terminal, to kamae alone here.
run "'$KAMAE' --db '$DB'; echo \"ctrl-c-status=\$?\""
wait_for "No.19  Lv1" >/dev/null
tm send-keys -t ui C-c
check "Ctrl-C leaves the wizard with status 130" wait_for "ctrl-c-status=130"
stop_ui

# A resize storm: 40 size changes, some below 80x24, then the wizard still
# answers and draws the item whole.
start_ui 80 24 LANG=C.UTF-8
wait_for "No." >/dev/null
for i in $(seq 1 40); do
	tm resize-window -t ui -x $(( 60 + (i * 7) % 60 )) -y $(( 18 + (i * 5) % 20 ))
done
tm resize-window -t ui -x 80 -y 24
check "after a resize storm the wizard shows the item again" wait_for "Answer:"
item=$(screen | sed -n 's/^ *No\.\([0-9]*\)  Lv.*/\1/p' | head -n 1)
key 1
check "...and still saves an answer (No.$item)" wait_for "No.$item: "
check "...in the database" test "$(sqlite3 "$DB" "select value from answers where item=$item")" = progress
stop_ui

# Terminals without cursor addressing: a message and exit 2, nothing opened.
for t in dumb ""; do
	script -qec "env TERM='$t' '$KAMAE' --db '$TMP/dumb.db'" /dev/null >"$TMP/out.txt" 2>&1
	check "TERM='$t': a clear message" grep -q "terminal" "$TMP/out.txt"
done
script -qec "env TERM=dumb '$KAMAE' --db '$TMP/dumb.db'; echo status=\$?" /dev/null >"$TMP/out.txt" 2>&1
check "...exit 2, and no database or lock file made" sh -c "grep -q 'status=2' '$TMP/out.txt' && test ! -e '$TMP/dumb.db' && test ! -e '$TMP/dumb.db.lock'"
[ "$_failed" -eq 0 ]
