#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders the main window in a real X server (Xvfb) at 1280x800 and 1920x1080 with a generated
# 4-part take and the analysis dock open, into docs/screenshot-<w>x<h>.png; the 1280x800 one is
# also docs/screenshot.png (the README's), and docs/chat.png shows the chat dock (its chips).
# Usage: scripts/screenshots.sh [build dir] [display]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
display=${2:-:74}
app="$build/app/pianola"
[[ -x "$app" ]] || { echo "no $app: build the pianola target first" >&2; exit 1; }
home=$(mktemp -d)
xvfb_pid=
cleanup() { [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$home"; }
trap cleanup EXIT
prompt="8-bar lo-fi hip hop in A minor at 78 BPM: drums, bass, jazzy 9th chords on electric piano and a soft melody"
for shot in 1280x800:analysis:screenshot-1280x800 1920x1080:analysis:screenshot-1920x1080 1280x800:chat:chat; do
  IFS=: read -r size dock name <<<"$shot"
  # -noreset: xdpyinfo below is the first client; as it leaves, a resetting server would refuse the app.
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp -noreset >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
  # Fresh settings (default docks), no sound card needed, English text.
  DISPLAY=$display XDG_CONFIG_HOME="$home/$name/config" XDG_DATA_HOME="$home/$name/data" LANG=C.UTF-8 LANGUAGE=en \
    QT_QPA_PLATFORM=xcb "$app" --window-size "$size" --dock "$dock" --prompt "$prompt" \
    --screenshot "docs/$name.png" >"$home/log-$name" 2>&1 \
    || { cat "$home/log-$name" >&2; exit 1; }
  kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=
  echo "docs/$name.png"
done
cp docs/screenshot-1280x800.png docs/screenshot.png
