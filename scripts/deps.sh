#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages Pianola needs (as root), or prints the exact apt line.
# Usage: scripts/deps.sh [build|test]   (test = build + what the test suite uses). Idempotent:
# when everything is installed it only asks dpkg and returns at once.
set -euo pipefail

build_pkgs=(g++ cmake ninja-build pkgconf git
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libfluidsynth-dev librtmidi-dev nlohmann-json3-dev qtkeychain-qt6-dev
  fluid-soundfont-gm timgm6mb-soundfont
  zlib1g-dev)   # the LLM tests' fake server compresses (gzip bombs); the tests configure with the app
test_pkgs=(clang clang-format libclang-rt-14-dev lld python3 python3-mido python3-jsonschema midicsv fluidsynth
  hyperfine desktop-file-utils sox
  jackd2 procps    # MIDI tests: a private dummy-driver JACK server (pgrep: is one running)
  gnome-keyring dbus-daemon   # keychain test: a Secret Service in a private D-Bus session
  xvfb xdotool x11-utils)   # GUI crash-recovery test and scripts/screenshots.sh: a private X server (xdpyinfo: is it up)

want=("${build_pkgs[@]}")
[ "${1:-build}" = "test" ] && want+=("${test_pkgs[@]}")

missing=()
for p in "${want[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Pianola needs these Debian packages; please run:" >&2
  echo "  sudo apt-get update && sudo $line" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
$line
