# Shared helpers for the shell tests: TAP output and a private temporary folder.
# Each test sources this, calls `plan N`, then `ok`/`check` per assertion.
set -u
: "${KAMAE:?run through make check (KAMAE unset)}"
: "${KAMAE_DATADIR:?run through make check (KAMAE_DATADIR unset)}"
export LC_ALL="${LC_ALL:-C.UTF-8}"
# Messages are Japanese unless a language is named: the assertions are in
# English, so the tests name it; a test of Japanese names ja.
export LANGUAGE=en
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kamae-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export XDG_DATA_HOME="$TMP/xdg" HOME="$TMP/home"
mkdir -p "$HOME"
_n=0
_failed=0

plan() { echo "1..$1"; }

# ok CONDITION-EXIT-STATUS DESCRIPTION
ok() {
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_failed=$((_failed + 1))
	fi
}

# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
	local desc=$1
	shift
	"$@" >"$TMP/check.out" 2>&1
	local rc=$?
	ok "$rc" "$desc"
	[ "$rc" -eq 0 ] || sed 's/^/# /' "$TMP/check.out"
}

# contains FILE TEXT: the file has the text on some line (fixed string).
contains() { grep -qF -- "$2" "$1"; }

# ---- tmux driving (UI tests) ----
TMUX_SOCK="kamae-test-$$"
KEYS_SENT=0
tm() { tmux -L "$TMUX_SOCK" "$@"; }

# start_ui COLS ROWS ENV...: runs kamae (with --db "$DB") in a fresh tmux session.
start_ui() {
	local cols=$1 rows=$2
	shift 2
	tm kill-server 2>/dev/null
	tm -f /dev/null new-session -d -s ui -x "$cols" -y "$rows" \
		"env KAMAE_DATADIR='$KAMAE_DATADIR' $* '$KAMAE' --db '$DB'; sleep 60"
	tm set-option -t ui status off >/dev/null
}
# stop_ui: ends the session and waits for kamae to have closed its database
# (SIGHUP: it checkpoints and unlocks), so that a check after it reads the
# file as kamae left it.
stop_ui() {
	local p
	p=$([ -n "${DB:-}" ] && ui_pid)
	tm kill-server 2>/dev/null
	[ -n "$p" ] || return 0
	for _ in $(seq 1 100); do
		kill -0 "$p" 2>/dev/null || return 0
		sleep 0.05
	done
}
trap 'stop_ui; rm -rf "$TMP"' EXIT

screen() { tm capture-pane -p -t ui; }

# wait_for TEXT [SECONDS]: until the screen shows TEXT; 1 on timeout.
wait_for() {
	local text=$1 tries=$(( ${2:-5} * 20 ))
	while [ "$tries" -gt 0 ]; do
		screen | grep -qF -- "$text" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "# timed out waiting for: $text"
	screen | sed 's/^/#| /'
	return 1
}

# key K...: presses keys (counted: the keystroke budget of a new user).
key() {
	for k in "$@"; do
		tm send-keys -t ui "$k"
		KEYS_SENT=$((KEYS_SENT + 1))
		sleep 0.05
	done
}
# type_text TEXT: types text into a field (not counted as keystrokes).
type_text() { tm send-keys -t ui -l "$1"; sleep 0.1; }
ui_pid() { pgrep -f -- "--db $DB" | while read -r p; do [ "$(cat /proc/$p/comm)" = kamae ] && echo "$p"; done | head -n 1; }
