#!/usr/bin/env bash
# Screenshots of the real app under Xvfb, written to docs/screenshots/: the migration window
# (ready, migrating, finished) and the KV browser on the new store (a chunk's text, a chunk beside
# its source row, a file's AST, a function's CFG blocks), in a light and in a dark palette (the
# dark ones end in -dark). Drives the windows with the keyboard (xdotool), as a person would.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
missing=()
for p in xvfb xauth imagemagick xdotool; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

out="$root/docs/screenshots"
work="$(mktemp -d)"
xvfb=""
app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out"
"$root/build/bin/magellan-kv-fixture" "$work/code.db" --rows 3000000 --optional-tables >/dev/null

Xvfb -displayfd 3 -screen 0 1280x1000x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb=$! # it picks a free display and writes its number
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")" XDG_CONFIG_HOME="$work/config"
# One pass per palette: MAGELLAN_KV_PALETTE sets the Fusion style with a light or a dark palette.
take_all() { # suffix ("" or "-dark"), palette
    local suffix="$1"
    export MAGELLAN_KV_PALETTE="$2"
    rm -rf "$work/code.kv" # each pass migrates afresh, without the replace question
    "$root/build/bin/magellan-kv" "$work/code.db" >/dev/null 2>&1 &
    app=$!
    window="$(xdotool search --sync --name 'code.db — magellan-kv' | head -1)"
    xdotool windowsize "$window" 1000 760
    sleep 1
    xdotool windowfocus --sync "$window"
    shot() { import -window "$window" "$out/$1$suffix.png"; echo "wrote $out/$1$suffix.png"; }
    jump() { # the browser's Find Key box: type, Enter, wait for the value
        xdotool key ctrl+f
        xdotool type --delay 15 "$1"
        xdotool key Return
        sleep 2
    }
    shot ready
    xdotool key ctrl+Return # Migrate
    for _ in $(seq 50); do
        sleep 0.1
        case "$(xdotool getwindowname "$window")" in [3-9]?"% migrating"*) break ;; esac
    done
    shot migrating
    for _ in $(seq 600); do
        sleep 0.1
        case "$(xdotool getwindowname "$window")" in *"% migrating"*) ;; *) break ;; esac
    done
    sleep 0.5
    shot finished
    kill "$app"
    wait "$app" 2>/dev/null || true # its window must be gone before the next search
    app=""

    "$root/build/bin/magellan-kv" browse "$work/code.kv" >/dev/null 2>&1 &
    app=$!
    window="$(xdotool search --sync --name 'code.kv — KV browser' | head -1)"
    xdotool windowsize "$window" 1250 800
    sleep 1
    xdotool windowfocus --sync "$window"
    jump "chunk:src/m"
    shot browser-chunk
    xdotool key alt+c # Compare with source
    sleep 1.5
    shot browser-compare
    jump "ast:2"
    shot browser-ast
    jump "cfg:2"
    shot browser-cfg
    kill "$app"
    wait "$app" 2>/dev/null || true # its window must be gone before the next search
    app=""
}
take_all "" light
take_all "-dark" dark
