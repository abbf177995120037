#!/usr/bin/env bash
# The committed translation template holds exactly the texts the UI sources hold: lupdate, run on
# a copy of it, must find nothing new and nothing obsolete. When this fails, refresh it with
#   cmake --build build --target update_translations
set -euo pipefail
lupdate="$1" sources="$2" template="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$template" "$work/template.ts"
report="$("$lupdate" -no-obsolete "$sources" -ts "$work/template.ts" 2>&1)"
echo "$report"
grep -q '(0 new and ' <<<"$report" || { echo "the template lacks texts the sources hold" >&2; exit 1; }
if grep -q 'Removed [0-9]* obsolete' <<<"$report"; then
    echo "the template holds texts the sources no longer hold" >&2
    exit 1
fi
