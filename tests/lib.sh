# Shared helpers for the shell tests: TAP output and a private temporary folder.
# Each test sources this, calls `plan N`, then `ok`/`check` per assertion.
set -u
: "${KAMAE:?run through make check (KAMAE unset)}"
: "${KAMAE_DATADIR:?run through make check (KAMAE_DATADIR unset)}"
export LC_ALL="${LC_ALL:-C.UTF-8}"
unset LANGUAGE
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
