#!/bin/bash
# Builds a Debian package from the release tarball the standard way (dh),
# with a minimal debian/ made here (the packager's files, not ours), and
# runs lintian. Fails on any tag but those that belong to the packager.
# Usage: lintian.sh kamae-VERSION.tar.gz   (needs debhelper, lintian)
set -u
tarball=${1:?usage: lintian.sh kamae-VERSION.tar.gz}
version=$(basename "$tarball" .tar.gz)
version=${version#kamae-}
work=$(mktemp -d "${TMPDIR:-/tmp}/kamae-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Tags about debian/ itself, the packager's choices: no bug closed by the
# first upload, no watch file, the distribution's hardening flags.
allowed='initial-upload-closes-no-bugs|debian-watch-file-is-missing|hardening-no-bindnow'

cp "$tarball" "$work/kamae_$version.orig.tar.gz" && cd "$work" &&
	tar xzf "kamae_$version.orig.tar.gz" && cd "kamae-$version" || exit 1
mkdir -p debian/source
echo "3.0 (quilt)" >debian/source/format
cat >debian/control <<CONTROL
Source: kamae
Section: utils
Priority: optional
Maintainer: kamae developers <dev@kamae.invalid>
Build-Depends: debhelper-compat (= 13), autoconf, automake, autopoint, gettext,
 pkg-config, libncurses-dev, libsqlite3-dev, libxlsxwriter-dev, zlib1g-dev,
 libminizip-dev, libunistring-dev
Standards-Version: 4.6.2
Homepage: https://kamae.invalid/
Rules-Requires-Root: no

Package: kamae
Architecture: any
Depends: \${shlibs:Depends}, \${misc:Depends}
Description: self-assessment wizard for the JAMA/JAPIA cybersecurity guideline
 kamae guides a small automotive supplier through the self-assessment of
 the JAMA/JAPIA automotive-industry cybersecurity guideline and writes the
 checksheet, an improvement plan and an incident-response contact sheet.
CONTROL
printf '#!/usr/bin/make -f\n%%:\n\tdh $@\n\noverride_dh_auto_test:\n' >debian/rules
chmod +x debian/rules
printf 'kamae (%s-1) unstable; urgency=medium\n\n  * Package for the lintian check.\n\n -- kamae developers <dev@kamae.invalid>  Wed, 02 Dec 2026 12:00:00 +0000\n' \
	"$version" >debian/changelog
printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: kamae\n\nFiles: *\nCopyright: 2026 the kamae authors\nLicense: MIT\n\nFiles: data/items.tsv data/labels.tsv data/categories.tsv data/glossary.tsv data/bands.tsv data/overall.tsv\nCopyright: 2025 JAMA, JAPIA\nLicense: other\n See data/NOTICE.\n\nLicense: MIT\n See LICENSE.\n' \
	>debian/copyright
echo "1..2"
if dpkg-buildpackage -us -uc >../build.log 2>&1; then
	echo "ok 1 - dpkg-buildpackage builds the source and binary packages"
else
	echo "not ok 1 - dpkg-buildpackage builds the source and binary packages"
	tail -n 30 ../build.log | sed 's/^/# /'
	echo "0 passed, 2 failed"
	exit 1
fi
cd .. || exit 1
lintian -I --pedantic ./*.changes >lintian.txt 2>&1
sed 's/^/# /' lintian.txt
if grep -E '^[EWIPX]: ' lintian.txt | grep -vE "$allowed" | grep -q .; then
	echo "not ok 2 - lintian: no tag but the packager's"
	echo "1 passed, 1 failed"
	exit 1
fi
echo "ok 2 - lintian: no tag but the packager's"
echo "2 passed, 0 failed"
