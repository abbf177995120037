#!/usr/bin/env bash
# Usage: packaging/test-install.sh [BUILD_DIR]   (root; BUILD_DIR defaults to build/, already built)
# Checks the .deb's dependencies resolve on a machine with nothing installed, installs it into this
# machine as a person would, then opens a database the way a file manager does on a double-click
# (gio open) under Xvfb, and checks the installed app loaded it.
# The package is removed again at the end unless it was installed before.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
app_id=io.github.magellan_kv.MagellanKv
desktop_entry="/usr/share/applications/$app_id.desktop"
title="code.db — magellan-kv" # the window's title once the database is loaded
started=$SECONDS

fail() {
    echo "test-install: FAIL: $*" >&2
    exit 1
}
step() { echo "test-install: [$((SECONDS - started))s] $*"; }

[ "$(id -u)" = 0 ] || fail "must run as root (it installs the .deb with apt-get)"
[ -f "$build/CPackConfig.cmake" ] && [ -x "$build/bin/magellan-kv-fixture" ] ||
    fail "$build is not a built tree; run scripts/build.sh first"
for tool in cpack apt-get dpkg-query Xvfb xdotool gio xdg-mime timeout; do
    command -v "$tool" >/dev/null || fail "$tool is not installed; run scripts/setup.sh"
done

work="$(mktemp -d)"
chmod 755 "$work" # apt's unprivileged _apt user reads the .deb from here
database="$work/code.db"
xvfb_pid=""
was_installed=false
if dpkg-query -W -f='${Status}' magellan-kv 2>/dev/null | grep -q "install ok installed"; then
    was_installed=true
fi

# The app gio started on our database: gio does not give its id, so find it by exe and argument.
launched_pids() {
    local entry
    for entry in /proc/[0-9]*; do
        [ "$(readlink "$entry/exe" 2>/dev/null)" = /usr/bin/magellan-kv ] || continue
        tr '\0' '\n' <"$entry/cmdline" 2>/dev/null | grep -qxF "$database" && echo "${entry#/proc/}"
    done
    return 0
}
cleanup() {
    for pid in $(launched_pids); do kill -9 "$pid" 2>/dev/null || true; done
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    if [ "$was_installed" = false ] && [ -e /usr/bin/magellan-kv ]; then
        DEBIAN_FRONTEND=noninteractive timeout 120 apt-get remove -y -qq \
            -o DPkg::Lock::Timeout=60 magellan-kv >/dev/null 2>&1 ||
            echo "test-install: could not remove magellan-kv again" >&2
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# run NAME SECONDS COMMAND...: runs COMMAND bounded in time, its output kept in NAME.log and shown
# when it fails.
run() {
    local name="$1" seconds="$2"
    shift 2
    if ! timeout "$seconds" "$@" >"$work/$name.log" 2>&1; then
        tail -n 20 "$work/$name.log" | sed 's/^/    /' >&2
        fail "$name failed (or took over $seconds s): $*"
    fi
}

step "building the .deb"
run cpack 180 cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out"
debs=("$work"/out/magellan-kv_*.deb)
[ -f "${debs[0]}" ] || fail "cpack wrote no magellan-kv_*.deb into $work/out"
deb="${debs[0]}"

step "resolving its dependencies as on a machine with nothing installed"
: >"$work/empty-status"
run apt-resolve 60 apt-get -o Dir::State::status="$work/empty-status" install -s \
    --no-install-recommends "$deb"

step "installing $(basename "$deb")"
run apt-get 300 env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq -o DPkg::Lock::Timeout=60 --reinstall "$deb"
[ -x /usr/bin/magellan-kv ] || fail "the package did not install /usr/bin/magellan-kv"
[ -f "$desktop_entry" ] || fail "the package did not install $desktop_entry"
version="$(timeout 10 /usr/bin/magellan-kv --version)" || fail "magellan-kv --version failed"
[[ "$version" == "magellan-kv $(dpkg-deb -f "$deb" Version)"* ]] ||
    fail "magellan-kv --version printed '$version' from a $(dpkg-deb -f "$deb" Version) package"
step "installed: $version"

# A private desktop session: own Xvfb, own XDG folders, no session bus (nothing is autolaunched).
mkdir -p "$work/config" "$work/data" "$work/cache" "$work/runtime"
chmod 700 "$work/runtime"
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR="$work/runtime"
export XDG_DATA_DIRS=/usr/local/share:/usr/share DBUS_SESSION_BUS_ADDRESS="unix:path=$work/no-bus"
export LC_ALL=C.UTF-8 # the window title has an em dash
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION WAYLAND_DISPLAY QT_QPA_PLATFORM

step "starting Xvfb"
# -displayfd: Xvfb picks a free display itself and writes its number once it accepts clients.
Xvfb -displayfd 3 -screen 0 1280x1000x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 150); do
    [ -s "$work/display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
done
[ -s "$work/display" ] || { cat "$work/xvfb.log" >&2; fail "Xvfb did not start within 15 s"; }
export DISPLAY=":$(tr -d '[:space:]' <"$work/display")"

run fixture 60 "$build/bin/magellan-kv-fixture" "$database" --rows 5000
type="$(timeout 10 gio info -a standard::content-type "$database" 2>/dev/null |
    sed -n 's/^ *standard::content-type: //p')"
grep -q "^MimeType=.*$type;" "$desktop_entry" ||
    fail "a SQLite file is '$type', which $desktop_entry does not claim"

step "making magellan-kv the handler for $type"
run xdg-mime 30 xdg-mime default "$app_id.desktop" application/vnd.sqlite3 application/x-sqlite3
handler="$(timeout 10 xdg-mime query default "$type")" || true
[ "$handler" = "$app_id.desktop" ] || fail "xdg-mime reports '$handler' as the handler for $type"

step "gio open $database"
run gio-open 30 gio open "$database"
window="$(timeout 30 xdotool search --sync --name "^$title\$" 2>/dev/null | head -n 1)" || true
if [ -z "$window" ]; then
    titles="$(timeout 5 xdotool search --name . getwindowname %@ 2>/dev/null | tr '\n' '|')" || true
    fail "no window titled '$title' within 30 s of gio open (windows: ${titles:-none})"
fi
app_pid="$(timeout 5 xdotool getwindowpid "$window")" || fail "the window has no process id"
if ! grep -qx "$app_pid" <<<"$(launched_pids)"; then
    owner="$(tr '\0' ' ' <"/proc/$app_pid/cmdline")"
    fail "the window belongs to '$owner', not /usr/bin/magellan-kv $database"
fi
step "window '$title' from /usr/bin/magellan-kv (pid $app_pid)"

# gio's child is not ours to wait for; once it exits it is gone or, unreaped, a zombie.
running() { [ -e "/proc/$1" ] && ! grep -q '^[0-9]* (.*) Z' "/proc/$1/stat" 2>/dev/null; }
kill "$app_pid"
for _ in $(seq 50); do
    running "$app_pid" || break
    sleep 0.1
done
running "$app_pid" && fail "the app did not exit within 5 s of SIGTERM"
step "ok: installed, --version, and gio open loaded the database"
