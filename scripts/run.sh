#!/usr/bin/env bash
# Sets everything up and runs magellan-kv on DATABASE (default: the bundled sample database).
# With a display it opens the window; without one it migrates in the terminal.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
app="$root/build/bin/magellan-kv"
if [ $# -gt 0 ]; then
    database="$1"
    store="${database%.*}.kv"
    replace=()
else
    database="$root/build/sample/code.db"
    store="$root/build/sample/code.kv"
    replace=(--force) # the sample's store is ours to replace
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$app" "$database"
fi
echo "magellan-kv: no display; migrating $database to $store in the terminal" >&2
exec "$app" migrate "$database" "$store" "${replace[@]}"
