#!/usr/bin/env bash
# Usage: deb_package.sh BUILD_DIR VERSION
# Builds the .deb from a built tree into a temporary folder and checks what it holds: exactly the
# expected files, the control fields, Depends from the linked libraries, a man page made from
# --help, PNG icons of their nominal sizes, the copyright file and changelog, no web address the
# project does not have, and a binary that runs outside the build tree.
set -euo pipefail
build="$1"
version="$2"
app_id=io.github.magellan_kv.MagellanKv
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

source "$(dirname "${BASH_SOURCE[0]}")/build_deb.sh"

built="$(build_deb "$build" "$work/out")" || exit 1
deb="$work/out/magellan-kv_${version}_$(dpkg --print-architecture).deb"
[ "$built" = "$deb" ] || fail "cpack wrote $built, expected $deb"

expected="$work/expected.txt"
{
    echo ./usr/bin/magellan-kv
    echo ./usr/share/applications/$app_id.desktop
    echo ./usr/share/metainfo/$app_id.metainfo.xml
    echo ./usr/share/icons/hicolor/scalable/apps/$app_id.svg
    for size in 16 32 48 64 128 256; do
        echo "./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    done
    echo ./usr/share/man/man1/magellan-kv.1.gz
    echo ./usr/share/doc/magellan-kv/copyright
    echo ./usr/share/doc/magellan-kv/changelog.gz
} | sort >"$expected"
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $6 }' | sort >"$work/files.txt"
diff -u "$expected" "$work/files.txt" >&2 || fail "the package's files differ from the list above"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = magellan-kv ] || fail "Package is '$(field Package)', expected magellan-kv"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ -n "$(field Maintainer)" ] || fail "no Maintainer field"
[ -n "$(field Description)" ] || fail "no Description field"
depends="$(field Depends)"
# Package names only: "libc6 (>= 2.34), libqt6core6 (>= 6.4.0)" -> one name per line.
names="$(echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/[ (].*//')"
for needed in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6sql6-sqlite \
    'librocksdb[0-9.]*' libsqlite3-0; do
    grep -qx -- "$needed" <<<"$names" || fail "Depends lacks $needed: $depends"
done

dpkg-deb -x "$deb" "$work/root"
man="$(gzip -dc "$work/root/usr/share/man/man1/magellan-kv.1.gz")"
grep -q '^\.SH SYNOPSIS' <<<"$man" || fail "the man page has no SYNOPSIS"
grep -q 'migrate SRC DST' <<<"$man" || fail "the man page lacks --help's usage (migrate SRC DST)"
grep -q '^\.SH OPTIONS' <<<"$man" || fail "the man page has no OPTIONS"
doc="$work/root/usr/share/doc/magellan-kv"
dep5=https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
[ "$(head -n 1 "$doc/copyright")" = "Format: $dep5" ] ||
    fail "the copyright file is not in the machine-readable format"
for license in Expat BSD-2-clause; do
    grep -qx "License: $license" "$doc/copyright" || fail "the copyright file gives no $license text"
done
top="$(gzip -dc "$doc/changelog.gz" | head -n 1)"
[[ "$top" == "magellan-kv ($version) "* ]] || fail "the changelog starts with '$top', not $version"
# The project has no public home page or screenshots yet: no package field or file may name one.
[ -z "$(field Homepage)" ] || fail "Homepage names $(field Homepage)"
urls="$(grep -Eo 'https?://[^"<> ]+' "$work/root/usr/share/metainfo/$app_id.metainfo.xml" \
    "$work/root/usr/share/applications/$app_id.desktop")" || true
[ -z "$urls" ] || fail "the metainfo or desktop entry names web addresses: $urls"
for size in 16 32 48 64 128 256; do
    png="$work/root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    file "$png" | grep -q "PNG image data, $size x $size," ||
        fail "icon is not ${size}x${size}: $(file -b "$png")"
done
shown="$(timeout 10 "$work/root/usr/bin/magellan-kv" --version)"
[[ "$shown" == "magellan-kv $version"* ]] || fail "the packaged binary's --version printed '$shown'"

echo "ok: $(basename "$deb"), Depends: $depends"
