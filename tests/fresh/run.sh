#!/bin/bash
# The fresh-machine test: a Debian 12 minbase root made with debootstrap, a
# clean clone of HEAD copied in, and the README's two commands run in it
# verbatim as root: the first in a terminal until the wizard's first screen
# shows (then q), the second to its end with no test failed or skipped.
#
# Needs root. The root is cached as a tarball outside the tree
# ($KAMAE_FRESH_CACHE, default /var/cache/kamae-fresh) so reruns skip
# debootstrap; everything mounted or made is removed on exit, even on failure.
# Prints TAP ("ok N - ...") and ends with "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${KAMAE_FRESH_CACHE:-/var/cache/kamae-fresh}
tarball=$cache/bookworm-minbase.tar
wait_wizard=${KAMAE_FRESH_WAIT:-1800}   # seconds for install + build + start
root=
session=kamae-fresh-$$
passed=0 failed=0 n=0

say() { printf '# %s %s\n' "$(date +%T)" "$*"; }
ok() { n=$((n + 1)); passed=$((passed + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }
finish() { echo "1..$n"; echo "$passed passed, $failed failed"; [ "$failed" = 0 ]; exit $?; }
abort() { not_ok "$*"; finish; }

[ "$(id -u)" = 0 ] || abort "must run as root (debootstrap, chroot, mounts)"

mirror() { # the Debian mirror of this machine's own apt sources, read now
	local m
	m=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null |
		grep -v security | head -n 1)
	[ -n "$m" ] || m=$(awk '$1 == "deb" && $0 !~ /security/ {print $2; exit}' \
		/etc/apt/sources.list 2>/dev/null)
	echo "$m"
}

cleanup() {
	tmux kill-session -t "$session" 2>/dev/null
	[ -n "$root" ] && [ -d "$root" ] || return 0
	# KAMAE_FRESH_KEEP=1 leaves the root mounted, to look into a failure.
	[ -n "${KAMAE_FRESH_KEEP:-}" ] && { echo "# kept: $root"; return 0; }
	# End the root's own processes (the wizard, the tests' tmux server) first.
	local p m
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -9 "${p#/proc/}" 2>/dev/null
	done
	sleep 1
	for m in dev/pts dev sys proc ""; do
		mountpoint -q "$root/$m" && umount -l "$root/$m"
	done
	for m in dev/pts dev sys proc ""; do
		mountpoint -q "$root/$m" && { echo "# still mounted: $root/$m; left in place"; return 0; }
	done
	rm -rf --one-file-system "$root"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

make_tarball() {
	command -v debootstrap >/dev/null ||
		{ apt-get update && apt-get install -y debootstrap; } >/dev/null 2>&1 ||
		abort "cannot install debootstrap"
	local m tmp
	m=$(mirror)
	[ -n "$m" ] || abort "no Debian mirror found in this machine's apt sources"
	mkdir -p "$cache" && chmod 0700 "$cache"
	tmp=$(mktemp -d /var/tmp/kamae-debootstrap.XXXXXX)
	say "debootstrap --variant=minbase bookworm $m"
	if ! debootstrap --variant=minbase bookworm "$tmp" "$m" >"$cache/debootstrap.log" 2>&1; then
		tail -n 20 "$cache/debootstrap.log" | sed 's/^/# /'
		rm -rf --one-file-system "$tmp"
		abort "debootstrap failed"
	fi
	chmod 0755 "$tmp"
	tar -C "$tmp" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
	rm -rf --one-file-system "$tmp"
}

# The README's commands, verbatim: the one that ends by starting the wizard,
# and the one that ends with make check.
run_cmd=$(grep -m 1 -E '&& kamae$' "$top/README.md")
test_cmd=$(grep -m 1 -E '&& make check$' "$top/README.md")
[ -n "$run_cmd" ] && [ -n "$test_cmd" ] || abort "README.md: the two commands were not found"

start=$(date +%s)
[ -f "$tarball" ] || make_tarball
[ "${1:-}" = "--cache-only" ] && { ok "root cached in $tarball"; finish; }
root=$(mktemp -d /var/tmp/kamae-fresh.XXXXXX)
tar -C "$root" -xf "$tarball" || abort "cannot unpack $tarball"
# / is 0755 on a real machine (mktemp made it 0700, and so may the tarball).
chmod 0755 "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The same apt sources as this machine: its mirror, updates and security.
if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
	rm -f "$root/etc/apt/sources.list"
	cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/"
fi
# The root a mount point of its own, as / is on a real machine (unshare
# --mount, used by the full-disk test, needs it).
{ mount --bind "$root" "$root" && mount -t proc proc "$root/proc" && mount -t sysfs sys "$root/sys" &&
	mount --bind /dev "$root/dev" && mount --bind /dev/pts "$root/dev/pts"; } ||
	abort "cannot mount /proc, /sys, /dev, /dev/pts in the root"

# A clean clone of HEAD, as a user would have it.
git clone -q --no-hardlinks "$top" "$root/root/kamae" || abort "git clone of HEAD failed"
say "root ready after $(( $(date +%s) - start )) s; HEAD $(git -C "$top" rev-parse --short HEAD)"
printf '%s\n' "$run_cmd" >"$root/root/readme-run.sh"
printf '%s\n' "$test_cmd" >"$root/root/readme-test.sh"

# A root login's environment on a fresh machine: no locale, no extra PATH.
chroot_env="chroot $root /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

# 1. The first command in a terminal (TERM=screen: minbase's ncurses-base
# has it), until the wizard's first screen shows; then q.
say "README command 1: $run_cmd"
t1=$(date +%s)
tmux new-session -d -s "$session" -x 100 -y 30 \
	"$chroot_env TERM=screen /bin/bash -c 'cd /root/kamae && bash /root/readme-run.sh; echo kamae-fresh-exit=\$?; sleep 3600'" ||
	abort "cannot start tmux"
tmux pipe-pane -t "$session" -o "cat >>'$root/root/readme-run.log'"
seen=
while [ $(( $(date +%s) - t1 )) -lt "$wait_wizard" ]; do
	screen=$(tmux capture-pane -p -t "$session" 2>/dev/null)
	case "$screen" in
	*"kamae へようこそ"*) seen=yes; break ;;
	*kamae-fresh-exit=*) break ;;
	esac
	sleep 2
done
if [ -n "$seen" ]; then
	ok "README command 1 built, installed and started the wizard in Japanese in $(( $(date +%s) - t1 )) s"
	tmux send-keys -t "$session" q
	sleep 2
	case "$(tmux capture-pane -p -t "$session")" in
	*kamae-fresh-exit=0*) ok "q leaves the wizard with exit 0" ;;
	*) not_ok "q leaves the wizard with exit 0"; tmux capture-pane -p -t "$session" | sed 's/^/# /' ;;
	esac
else
	not_ok "README command 1 reached the wizard's first screen (waited $(( $(date +%s) - t1 )) s)"
	tail -n 40 "$root/root/readme-run.log" 2>/dev/null | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/^/# /'
	tmux capture-pane -p -t "$session" | sed 's/^/# /'
fi
tmux kill-session -t "$session" 2>/dev/null

# 2. The second command to its end, without a terminal, as CI runs it.
say "README command 2: $test_cmd"
t2=$(date +%s)
$chroot_env /bin/bash -c 'cd /root/kamae && bash /root/readme-test.sh' \
	>"$root/root/readme-test.log" 2>&1 </dev/null
status=$?
log=$root/root/kamae/build/test-suite.log
num() { sed -n "s/^# $1: *\([0-9]*\)\$/\1/p" "$log" 2>/dev/null | head -n 1; }
total=$(num TOTAL) tpass=$(num PASS) tskip=$(num SKIP) tfail=$(( $(num FAIL || echo 0) + $(num ERROR || echo 0) ))
say "suite in the root: status $status, total ${total:-?}, pass ${tpass:-?}, skip ${tskip:-?}, fail/error ${tfail:-?}, $(( $(date +%s) - t2 )) s"
if [ "$status" = 0 ] && [ -n "$total" ] && [ "${total:-0}" -gt 0 ] && [ "${tpass:-0}" = "$total" ]; then
	ok "README command 2: all $total tests passed in the fresh root, none skipped"
else
	not_ok "README command 2: all tests pass in the fresh root, none skipped"
	grep -E '^(FAIL|ERROR|SKIP):' "$log" 2>/dev/null | sed 's/^/# /'
	tail -n 40 "$root/root/readme-test.log" | sed 's/^/# /'
	# Keep the logs of failed tests for whoever reads CI's output.
	for f in "$root"/root/kamae/build/tests/*/*.log; do
		grep -q '^not ok' "$f" 2>/dev/null && { echo "# --- $f"; grep -B2 -A8 '^not ok' "$f" | head -n 60 | sed 's/^/# /'; }
	done
fi
say "fresh-machine test took $(( $(date +%s) - start )) s"
finish
