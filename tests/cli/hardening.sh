#!/bin/bash
# The hardening findings, each as a user meets it: databases only the owner
# can reach, read-only commands that change nothing, one action one
# transaction, notes over the limit refused, file size limits reported, and
# no lock file left by root on a user's database.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 20
DB="$TMP/co/acme.db"
sha() { sha256sum <"$1"; }
"$KAMAE" --db "$DB" init --company "株式会社テスト" --band le100 --target 2 >/dev/null

# A planted database open to others: refused by every command that writes.
mkdir -m 700 "$TMP/p"
cp "$DB" "$TMP/p/planted.db" && chmod 666 "$TMP/p/planted.db"
before=$(sha "$TMP/p/planted.db")
"$KAMAE" --db "$TMP/p/planted.db" answer 18 2 2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "answer refuses a database others can read (0666)"
check "...naming its owner and mode and the fix" grep -q "belongs to .* mode 0666.*chmod 600" "$TMP/err.txt"
check "...changing nothing and making no lock file" sh -c "test '$before' = \"\$(sha256sum <'$TMP/p/planted.db')\" && test ! -e '$TMP/p/planted.db.lock'"
ln -s "$TMP/p/planted.db" "$TMP/p/link.db"
"$KAMAE" --db "$TMP/p/link.db" init --company x >/dev/null 2>&1
ok $(( $? == 1 ? 0 : 1 )) "...also through a symlink"
umask 000
"$KAMAE" --db "$TMP/u/new.db" init >/dev/null
check "created files stay 0600 (folder 0700) whatever the umask" test "$(stat -c %a "$TMP/u/new.db") $(stat -c %a "$TMP/u")" = "600 700"
"$KAMAE" --db "$TMP/u/new.db" answer 1 2
check "...and so do the WAL and lock files" sh -c "for f in '$TMP'/u/new.db*; do [ \"\$(stat -c %a \"\$f\")\" = 600 ] || exit 1; done"
umask 022

# Read-only commands change not a byte, even of an empty or read-only file.
: >"$TMP/p/empty.db" && chmod 600 "$TMP/p/empty.db"
"$KAMAE" --db "$TMP/p/empty.db" summary 2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "summary refuses a zero-length file"
check "...and leaves it empty" test ! -s "$TMP/p/empty.db"
"$KAMAE" --db "$DB" answer 18 2 --note "体制表あり"
chmod 400 "$DB"
before=$(sha "$DB")
"$KAMAE" --db "$DB" summary >"$TMP/s.txt" 2>&1
ok $? "summary works on a read-only database"
(cd "$TMP" && "$KAMAE" --db "$DB" export --out "$TMP" >/dev/null 2>&1)
ok $? "export works on a read-only database"
check "...and neither changed a byte" test "$(sha "$DB")" = "$before"
chmod 600 "$DB"

# One action, one transaction; notes over the limit refused whole.
"$KAMAE" --db "$DB" answer 19 1 --note "ひな形を作成中"
check "answer with --note stores both" test "$(sqlite3 "$DB" "select value||'|'||note from answers where item=19")" = "progress|ひな形を作成中"
long=$(/usr/bin/python3 -c 'print("漢" * 5000)')
before=$(sqlite3 "$DB" "select count(*) from answer_history")
"$KAMAE" --db "$DB" answer 20 2 --note "$long" 2>"$TMP/err.txt"
ok $(( $? == 2 ? 0 : 1 )) "a note of 5,000 kanji is a usage error (exit 2)"
check "...saying how long it is and what fits" grep -q "5000 characters; a note can hold 4096" "$TMP/err.txt"
check "...saving neither the answer nor the note" test "$(sqlite3 "$DB" "select count(*) from answers where item=20")$(sqlite3 "$DB" "select count(*) from answer_history")" = "0$before"
/usr/bin/python3 -c 'print("x" * 100000, end="")' >"$TMP/big.txt"
"$KAMAE" --db "$DB" answer 20 2 --note "$(cat "$TMP/big.txt")" 2>/dev/null
ok $(( $? == 2 ? 0 : 1 )) "a 100 KB note is refused too"

# A file size limit: a message and exit 1, not a silent kill; nothing left.
mkdir -m 700 "$TMP/lim"
(ulimit -f 40; cd "$TMP" && "$KAMAE" --db "$DB" export --out "$TMP/lim" >/dev/null 2>"$TMP/err.txt"; echo $? >"$TMP/rc.txt")
check "under ulimit -f the export exits 1 (not killed by SIGXFSZ)" test "$(cat "$TMP/rc.txt")" = 1
check "...saying a size limit was hit, leaving no temporary" sh -c "grep -q 'size limit' '$TMP/err.txt' && test -z \"\$(find '$TMP/lim' -name '.*.??????')\""

# Root on a user's database: refused, and no root-owned lock file left.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	mkdir -m 700 "$TMP/alice" && chown 61003:61003 "$TMP/alice" && chmod 711 "$TMP"
	cp "$KAMAE" "$TMP/alice/kamae" && chmod 755 "$TMP/alice/kamae"
	setpriv --reuid=61003 --regid=61003 --clear-groups env KAMAE_DATADIR="$KAMAE_DATADIR" \
		"$TMP/alice/kamae" --db "$TMP/alice/a.db" init >/dev/null 2>&1
	rm -f "$TMP/alice/a.db.lock"
	"$KAMAE" --db "$TMP/alice/a.db" answer 1 2 2>"$TMP/err.txt"
	ok $(( $? == 1 ? 0 : 1 )) "root writing a user's database is refused"
	check "...and leaves no root-owned lock file" test ! -e "$TMP/alice/a.db.lock"
else
	echo "ok 19 - root writing a user's database # SKIP needs root"
	echo "ok 20 - ...lock file # SKIP needs root"
	_n=20
fi
[ "$_failed" -eq 0 ]
