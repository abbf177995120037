#!/usr/bin/env bash
# Installs everything magellan-kv needs to build, test and run on Debian bookworm (as root).
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-qpa-plugins libgl-dev
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  librocksdb-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libxxhash-dev
  xvfb xauth
  dpkg-dev file help2man librsvg2-bin desktop-file-utils appstream lintian
  shared-mime-info libglib2.0-bin xdg-utils xdotool
  clang libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
