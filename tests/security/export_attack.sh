#!/bin/bash
# Two local users and a shared folder (0777, no sticky bit): the attacker
# plants folders and links under the export's name and, while the victim
# exports, moves every export folder away and puts a link to the victim's
# own folder in its place, and replaces every file it can see with a link.
# The victim's files must never be touched, and the export must land in a
# folder only the victim can read. Runs as root (setpriv picks the users).
. "${KAMAE_SRCDIR:?}/tests/lib.sh"
plan 10
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	for i in $(seq 1 10); do echo "ok $i - two-user test # SKIP needs root and setpriv"; done
	exit 0
fi
VICTIM=61001 ATTACKER=61002
TODAY=$(date +%F)
NAME="kamae-被害者株式会社-FY$(date +%Y)-$TODAY"
chmod 711 "$TMP"
V="$TMP/victim" SH="$TMP/shared" A="$TMP/attacker"
mkdir -p "$V/bin" "$SH" "$A"
cp "$KAMAE" "$V/bin/kamae" && cp -r "$KAMAE_DATADIR" "$V/bin/data"
chown -R "$VICTIM:$VICTIM" "$V" && chmod 700 "$V" && chmod 755 "$V/bin"
chown "$ATTACKER:$ATTACKER" "$A" && chmod 777 "$A"
chmod 777 "$SH"
as_victim() { setpriv --reuid=$VICTIM --regid=$VICTIM --clear-groups env HOME="$V" \
	KAMAE_DATADIR="$V/bin/data" "$@"; }
as_attacker() { setpriv --reuid=$ATTACKER --regid=$ATTACKER --clear-groups "$@"; }

as_victim "$V/bin/kamae" --db "$V/acme.db" init --company "被害者株式会社" --band le100 >/dev/null
as_victim "$V/bin/kamae" --db "$V/acme.db" answer 18 0 --note "未整備" >/dev/null
# The victim's own documents, with the names the export writes.
for f in plan.html contacts.html checksheet.xlsx; do
	echo "the victim's own $f" >"$V/$f"
done
chown "$VICTIM:$VICTIM" "$V"/*.html "$V/checksheet.xlsx"
before=$(cd "$V" && sha256sum plan.html contacts.html checksheet.xlsx)

# A folder planted under the day's name, and a link planted under the next.
as_attacker mkdir -m 777 "$SH/$NAME"
as_attacker ln -s "$A" "$SH/$NAME-2"
as_victim "$V/bin/kamae" --db "$V/acme.db" export --out "$SH" >"$TMP/out.txt" 2>&1
ok $? "export into a shared folder with planted names succeeds"
check "...in a fresh folder of its own (-3)" grep -q "$NAME-3" "$TMP/out.txt"
check "...owned by the victim, mode 0700" test "$(stat -c '%u %a' "$SH/$NAME-3")" = "$VICTIM 700"
check "nothing was written into the planted folder" test -z "$(ls -A "$SH/$NAME")"
check "...nor through the planted link" test -z "$(ls -A "$A")"

# The race: while the victim exports, the attacker swaps folders for links
# to the victim's own folder and files for links to the victim's files.
rm -rf "${SH:?}"/*
cat >"$A/loop.sh" <<LOOP
while [ ! -e "$A/stop" ]; do
	for d in "$SH"/kamae-*; do
		[ -d "\$d" ] && [ ! -L "\$d" ] || continue
		mv "\$d" "$SH/moved.\$\$.\$RANDOM" 2>/dev/null && ln -s "$V" "\$d" 2>/dev/null
	done
	for f in "$SH"/*/* "$SH"/*/.[!.]*; do
		[ -f "\$f" ] && ln -sf "$V/plan.html" "\$f" 2>/dev/null
	done
done
LOOP
as_attacker bash "$A/loop.sh" &
loop=$!
ok_runs=0 runs=0
for i in $(seq 1 15); do
	rm -rf "${SH:?}"/kamae-* 2>/dev/null
	as_victim "$V/bin/kamae" --db "$V/acme.db" export --out "$SH" >/dev/null 2>&1 && ok_runs=$((ok_runs + 1))
	runs=$((runs + 1))
done
touch "$A/stop"
wait "$loop"
echo "# $ok_runs of $runs exports under attack succeeded"
after=$(cd "$V" && sha256sum plan.html contacts.html checksheet.xlsx)
check "the victim's own files are unchanged after $runs exports under attack" test "$before" = "$after"
# (SQLite's own -wal and -shm beside the database aside.)
check "...and nothing new appeared in the victim's folder" test "$(ls -A "$V" | grep -vE '^acme\.db-(wal|shm)$' | sort | tr '\n' ' ')" = "acme.db acme.db.lock bin checksheet.xlsx contacts.html plan.html "
check "the attacker can read no export file" sh -c "! setpriv --reuid=$ATTACKER --regid=$ATTACKER --clear-groups \
	sh -c 'cat \"$SH\"/*/* \"$SH\"/*/*/* 2>/dev/null' | grep -q ."
ok $(( ok_runs > 0 ? 0 : 1 )) "exports under attack still succeed ($ok_runs of $runs)"
check "every export folder is the victim's and private" sh -c "for d in \$(find '$SH' -mindepth 1 -maxdepth 1 -type d); do
	[ \"\$(stat -c '%u %a' \"\$d\")\" = '$VICTIM 700' ] || [ \"\$(stat -c %u \"\$d\")\" = $ATTACKER ] || exit 1; done"
[ "$_failed" -eq 0 ]
