#!/bin/bash
# The conventions of a GNU command-line tool: usage errors change nothing,
# per-command help, write errors, the locale and language rules, and
# database paths that are not files.
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 46
DB="$TMP/co/acme.db"
mkdir -p "$TMP/locale/ja/LC_MESSAGES"
msgfmt -o "$TMP/locale/ja/LC_MESSAGES/kamae.mo" "$KAMAE_SRCDIR/po/ja.po"
export KAMAE_LOCALEDIR="$TMP/locale"

# A usage error changes nothing.
"$KAMAE" --db "$TMP/new.db" init --target 9 2>"$TMP/err.txt"
ok $(( $? == 2 ? 0 : 1 )) "init --target 9 is a usage error (exit 2)"
check "...that creates no database and no lock file" test -z "$(ls -A "$TMP" | grep new.db)"
"$KAMAE" --db "$TMP/new.db" init --band nowhere 2>/dev/null
ok $(( $? == 2 ? 0 : 1 )) "init with an unknown band is a usage error"
check "...that creates nothing either" test ! -e "$TMP/new.db"
"$KAMAE" </dev/null >/dev/null 2>"$TMP/err.txt"
ok $(( $? == 2 ? 0 : 1 )) "kamae without a terminal exits 2"
check "...saying it needs a terminal" contains "$TMP/err.txt" "needs a terminal"
check "...and creates no default database" test ! -e "$XDG_DATA_HOME/kamae"

# Options after --note are the note, never --db.
"$KAMAE" --db "$DB" init --company "株式会社テスト" --band le100 --target 2 >/dev/null
"$KAMAE" --db "$DB" answer 18 2 --note --db
ok $? "answer with the note '--db'"
check "...stores '--db' as the note" test "$(sqlite3 "$DB" "select note from answers where item=18")" = "--db"
check "...and opened no database named by the note" test ! -e "$KAMAE_BUILDDIR/--db" -a ! -e "$(pwd)/--db"

# -- ends options.
"$KAMAE" --db "$DB" answer -- 19 1
ok $? "answer -- 19 1: -- ends the options"
"$KAMAE" --db "$DB" init -- --company X 2>"$TMP/err.txt"
ok $(( $? == 2 ? 0 : 1 )) "after --, --company is an argument: usage error"

# Help per command, unknown options.
for c in init answer summary export; do
	"$KAMAE" "$c" --help >"$TMP/help.txt" 2>&1
	ok $(( $? == 0 ? 0 : 1 )) "kamae $c --help exits 0"
	check "...and shows the usage of $c" grep -q "kamae.*$c" "$TMP/help.txt"
done
"$KAMAE" --frobnicate >"$TMP/out.txt" 2>"$TMP/err.txt"
ok $(( $? == 2 ? 0 : 1 )) "an unknown option exits 2"
check "...with one line and a pointer to --help" test "$(wc -l <"$TMP/err.txt")" = 2 -a \
	"$(sed -n 2p "$TMP/err.txt")" = "Try 'kamae --help' for more information."
"$KAMAE" summary --frobnicate 2>"$TMP/err.txt"
ok $(( $? == 2 ? 0 : 1 )) "an unknown option of a command exits 2"
check "...and names kamae, not the path" grep -q "^kamae: unrecognized option '--frobnicate'" "$TMP/err.txt"
LANGUAGE=ja "$KAMAE" --frobnicate 2>"$TMP/err.txt"
check "...in Japanese by default, like every other message" grep -q "^kamae: '--frobnicate' というオプションはありません" "$TMP/err.txt"
"$KAMAE" --db "$DB" answer 18 2 --note 2>"$TMP/err.txt"
ok $(( $? == 2 ? 0 : 1 )) "a missing value is a usage error"
check "...naming the option" grep -q "^kamae: the option '--note' needs a value" "$TMP/err.txt"
"$KAMAE" --help >"$TMP/help.txt"
check "--help ends with where to report bugs and the home page" sh -c \
	"tail -n 2 '$TMP/help.txt' | grep -q '^Report bugs to: ' && tail -n 1 '$TMP/help.txt' | grep -q 'home page: <'"
"$KAMAE" --version >"$TMP/version.txt"
check "--version names the licence" contains "$TMP/version.txt" "License: MIT"

# Output that cannot be written is an error.
"$KAMAE" --db "$DB" summary >/dev/full 2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "summary >/dev/full exits 1"
check "...with a message" contains "$TMP/err.txt" "write error"
"$KAMAE" --help >/dev/full 2>/dev/null
ok $(( $? == 1 ? 0 : 1 )) "--help >/dev/full exits 1"
(cd "$TMP" && "$KAMAE" --db "$DB" export --out "$TMP/out" >/dev/full 2>/dev/null)
ok $(( $? == 1 ? 0 : 1 )) "export >/dev/full exits 1"

# Paths that are not database files: a message, exit 1, no hang, no lock.
mkfifo "$TMP/fifo"
timeout 10 "$KAMAE" --db "$TMP/fifo" summary 2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "--db FIFO exits 1 without hanging"
check "...saying it is not a regular file" contains "$TMP/err.txt" "is not a regular file"
timeout 10 "$KAMAE" --db /dev/null init 2>/dev/null
ok $(( $? == 1 ? 0 : 1 )) "--db /dev/null (a device) exits 1"
check "...and makes no /dev/null.lock" test ! -e /dev/null.lock
mkdir "$TMP/folder"
"$KAMAE" --db "$TMP/folder" init 2>"$TMP/err.txt"
ok $(( $? == 1 ? 0 : 1 )) "--db FOLDER exits 1, saying so"
check "...and leaves nothing beside the FIFO or in the folder" test -z "$(ls -A "$TMP/folder")" -a ! -e "$TMP/fifo.lock" -a ! -e "$TMP/folder.lock"

# Numbers read the same under a decimal-comma locale (needs the locale data).
if mkdir -p "$TMP/loc" && localedef -i de_DE -f UTF-8 "$TMP/loc/de_DE.UTF-8" 2>/dev/null; then
	LOCPATH="$TMP/loc" LC_ALL= LANG=de_DE.UTF-8 LANGUAGE=en "$KAMAE" --db "$DB" summary >"$TMP/de.txt" 2>&1
	ok $? "summary under LANG=de_DE.UTF-8"
	check "...reads the statistics (155.0) with a decimal point" contains "$TMP/de.txt" "155.0/248 (689 companies)"
else
	ok 1 "de_DE.UTF-8 could be built with localedef (install the locales package)"
	ok 1 "(skipped with the one above)"
fi

# Language: Japanese unless the locale names another language.
lang_of() { # lang_of ENV...: "ja" or "en", from the first line of --help
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$@" "$KAMAE" --help | head -n 1 |
		{ grep -q '使い方' && echo ja || echo en; }
}
check "no locale at all: Japanese" test "$(lang_of)" = ja
check "LANG=C.UTF-8: Japanese" test "$(lang_of LANG=C.UTF-8)" = ja
check "LANG=C and LC_ALL=POSIX: Japanese" test "$(lang_of LANG=C)$(lang_of LC_ALL=POSIX)" = jaja
check "LANG=en_US.UTF-8: English" test "$(lang_of LANG=en_US.UTF-8)" = en
check "LANGUAGE=en under C.UTF-8: English" test "$(lang_of LANG=C.UTF-8 LANGUAGE=en)" = en
[ "$_failed" -eq 0 ]
