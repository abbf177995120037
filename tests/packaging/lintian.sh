#!/usr/bin/env bash
# Usage: lintian.sh BUILD_DIR
# Builds the .deb and runs lintian --pedantic on it: any error (E:) or warning (W:) fails. The info
# and pedantic tags (I:, P:) are shown but do not fail. Skipped (77) where lintian is not installed.
set -euo pipefail
build="$1"
command -v lintian >/dev/null || { echo "lintian is not installed; skipped"; exit 77; }
source "$(dirname "${BASH_SOURCE[0]}")/build_deb.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

deb="$(build_deb "$build" "$work/out")"
# As root lintian says it would rather not be; that line is not about the package.
timeout 300 lintian --pedantic --display-info --fail-on none "$deb" \
    2> >(grep -v 'running with root privileges' >&2) | tee "$work/lintian.txt"
if grep -q '^[EW]: ' "$work/lintian.txt"; then
    echo "FAIL: lintian reports errors or warnings on $(basename "$deb")" >&2
    exit 1
fi
echo "ok: lintian --pedantic: no error, no warning on $(basename "$deb")"
