#!/usr/bin/env bash
# Usage: mime_type.sh FIXTURE_BINARY DESKTOP_FILE
# The desktop entry must claim the content type shared-mime-info gives a magellan database, or a
# double-click would not offer magellan-kv.
set -euo pipefail
fixture="$1"
desktop_file="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

timeout 60 "$fixture" "$work/code.db" --rows 2000 >/dev/null
type="$(timeout 30 gio info -a standard::content-type "$work/code.db" 2>/dev/null |
    sed -n 's/^ *standard::content-type: //p')"
if [ -z "$type" ]; then
    echo "FAIL: gio info gave no content type for a generated database" >&2
    exit 1
fi
claimed="$(sed -n 's/^MimeType=//p' "$desktop_file")"
case ";$claimed" in
*";$type;"*) echo "ok: $desktop_file claims $type" ;;
*)
    echo "FAIL: a SQLite file is $type, but $desktop_file claims only: $claimed" >&2
    exit 1
    ;;
esac
