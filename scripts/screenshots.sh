#!/usr/bin/env bash
# Screenshots of the real app under Xvfb: ready, migrating and finished states, written to
# docs/screenshots/. Drives the window with the keyboard (xdotool), as a person would.
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

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY="$display" XDG_CONFIG_HOME="$work/config"
sleep 1
"$root/build/bin/magellan-kv" "$work/code.db" >/dev/null 2>&1 &
app=$!
window="$(xdotool search --sync --name 'code.db — magellan-kv' | head -1)"
xdotool windowsize "$window" 1000 760
sleep 1
xdotool windowfocus --sync "$window"
shot() { import -window "$window" "$out/$1.png"; echo "wrote $out/$1.png"; }
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
