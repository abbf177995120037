#!/usr/bin/env bash
# Usage: man_page.sh MAN_PAGE.gz
# The generated man page has exactly the sections NAME, SYNOPSIS, DESCRIPTION, COMMANDS, OPTIONS,
# EXIT STATUS and SEE ALSO, in that order, and each holds what --help put there.
set -euo pipefail
page="$(gzip -dc "$1")"
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

expected="NAME|SYNOPSIS|DESCRIPTION|COMMANDS|OPTIONS|EXIT STATUS|SEE ALSO"
found="$(sed -n 's/^\.SH //p' <<<"$page" | tr -d '"' | paste -sd '|')"
[ "$found" = "$expected" ] || fail "the sections are '$found', expected '$expected'"

# section NAME: the lines of that section, without its heading.
section() { awk -v name="$1" '/^\.SH / { gsub(/"/, ""); inside = (substr($0, 5) == name); next }
                             inside' <<<"$page"; }
for command in inspect migrate verify browse files show get; do
    section COMMANDS | grep -qx "$command" || fail "COMMANDS does not list $command"
done
section OPTIONS | grep -q 'quick\\-check' || fail "OPTIONS lacks --quick-check"
for status in 0 1 2 3 130; do
    section "EXIT STATUS" | grep -qx "$status" || fail "EXIT STATUS does not give $status"
done
section "SEE ALSO" | grep -q '^\.BR sqlite3 (1)' || fail "SEE ALSO does not name sqlite3(1)"
# man itself reads it without a complaint (where man is installed).
if command -v man >/dev/null; then
    warnings="$(gzip -dc "$1" | LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l - 2>&1 >/dev/null)"
    [ -z "$warnings" ] || fail "man warns about the page: $warnings"
fi
echo "ok: $1 has the sections $expected"
