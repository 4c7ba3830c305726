#!/bin/bash
# The bad-input table: each input with the message a user gets, the exit
# status, and the database byte for byte unchanged.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 38
GOOD="$TMP/good/acme.db"
"$KAMAE" --db "$GOOD" init --company "株式会社テスト" --band le100 --target 2 >/dev/null
"$KAMAE" --db "$GOOD" answer 18 2 --note "体制表" >/dev/null
mkdir -m 700 "$TMP/f"

# row DESCRIPTION FILE RC TEXT CMD...: runs CMD, which must exit RC, say
# TEXT on stderr, and leave FILE (if it exists) exactly as it was.
row() {
	local desc=$1 file=$2 want=$3 text=$4 before="" rc
	shift 4
	[ -f "$file" ] && before=$(sha256sum <"$file")
	timeout 20 "$@" >/dev/null 2>"$TMP/err.txt"
	rc=$?
	ok $(( rc == want ? 0 : 1 )) "$desc: exit $want (got $rc)"
	grep -qF -- "$text" "$TMP/err.txt"
	ok $? "...says \"$text\""
	[ "$rc" = "$want" ] || sed 's/^/# /' "$TMP/err.txt"
	if [ -n "$before" ]; then
		test "$(sha256sum <"$file")" = "$before"
		ok $? "...and leaves the file unchanged"
	elif [ -p "$file" ]; then
		test -p "$file" -a ! -e "$file.lock"
		ok $? "...and leaves the FIFO alone, with no lock file beside it"
	else
		test ! -e "$file"
		ok $? "...and creates nothing"
	fi
}

head -c 40000 /dev/urandom >"$TMP/f/random.db" && chmod 600 "$TMP/f/random.db"
row "random bytes" "$TMP/f/random.db" 1 "not a kamae database" "$KAMAE" --db "$TMP/f/random.db" answer 1 2
check "...leaving no lock file beside it" test ! -e "$TMP/f/random.db.lock"
cp "$GOOD" "$TMP/f/cut.db" && truncate -s 20000 "$TMP/f/cut.db" && chmod 600 "$TMP/f/cut.db"
row "a truncated database" "$TMP/f/cut.db" 1 "damaged" "$KAMAE" --db "$TMP/f/cut.db" answer 1 2
sqlite3 "$TMP/f/other.db" "create table t(x); insert into t values(1)" && chmod 600 "$TMP/f/other.db"
row "another program's SQLite file" "$TMP/f/other.db" 1 "another program" "$KAMAE" --db "$TMP/f/other.db" summary
cp "$GOOD" "$TMP/f/newer.db" && sqlite3 "$TMP/f/newer.db" "pragma user_version=99" && chmod 600 "$TMP/f/newer.db"
row "a newer kamae's file" "$TMP/f/newer.db" 1 "newer kamae" "$KAMAE" --db "$TMP/f/newer.db" answer 1 2
: >"$TMP/f/empty.db" && chmod 600 "$TMP/f/empty.db"
row "a zero-length file (read-only command)" "$TMP/f/empty.db" 1 "is empty" "$KAMAE" --db "$TMP/f/empty.db" summary
mkfifo "$TMP/f/fifo.db"
row "a FIFO" "$TMP/f/fifo.db" 1 "not a regular file" "$KAMAE" --db "$TMP/f/fifo.db" answer 1 2
cp "$GOOD" "$TMP/f/locked.db" && chmod 600 "$TMP/f/locked.db" && : >"$TMP/f/locked.db.lock" && chmod 600 "$TMP/f/locked.db.lock"
flock "$TMP/f/locked.db.lock" sleep 8 >/dev/null 2>&1 &
holder=$!
sleep 0.3
row "a file another kamae holds" "$TMP/f/locked.db" 1 "in use by another kamae" "$KAMAE" --db "$TMP/f/locked.db" answer 1 2
kill "$holder" 2>/dev/null
cp "$GOOD" "$TMP/f/ro.db" && chmod 400 "$TMP/f/ro.db"
if [ "$(id -u)" -ne 0 ]; then
	row "a read-only file" "$TMP/f/ro.db" 1 "read-only" "$KAMAE" --db "$TMP/f/ro.db" answer 1 2
else   # root writes to a read-only file anyway: try one open to others
	chmod 644 "$TMP/f/ro.db"
	rm -f "$TMP/f/ro.db.lock"
	row "a file others can read (0644)" "$TMP/f/ro.db" 1 "mode 0644" "$KAMAE" --db "$TMP/f/ro.db" answer 1 2
fi
"$KAMAE" --db "$GOOD" answer 19 1 --note "$(printf 'ok\377\376bad')" 2>/dev/null
check "...a note with invalid UTF-8 is stored as valid UTF-8" sh -c \
	"sqlite3 '$GOOD' \"select note from answers where item=19\" | iconv -f UTF-8 -t UTF-8 >/dev/null"
row "an item out of range" "$GOOD" 2 "1 to 153" "$KAMAE" --db "$GOOD" answer 154 2
row "an unknown answer" "$GOOD" 2 "is not an answer" "$KAMAE" --db "$GOOD" answer 18 7
row "a note of 5,000 characters" "$GOOD" 2 "a note can hold 4096" "$KAMAE" --db "$GOOD" answer 18 2 --note "$(printf '%5000s' | tr ' ' x)"
row "a database in a folder that does not exist" "$TMP/nowhere/x.db" 1 "there is no database" "$KAMAE" --db "$TMP/nowhere/x.db" summary
[ "$_failed" -eq 0 ]
