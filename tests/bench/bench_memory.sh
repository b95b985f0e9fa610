#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Peak resident memory of the real main window (offscreen): empty with each installed GM
# SoundFont, then the 1,000,000-note file (8 MB, 16 programs) through open, first paint,
# playback start and analysis, each in a process of its own. Usage: bench_memory.sh BENCH_MEMORY
set -euo pipefail
bench=$(realpath "${1:?usage: bench_memory.sh BENCH_MEMORY}")   # the runs cd to a scratch directory
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export QT_QPA_PLATFORM=offscreen
"$bench" write "$tmp/million.mid"
quiet() { grep -E '^(empty app|1,000,000|  (open|first|playing|analysis|settled))' || true; }
for sf in /usr/share/sounds/sf2/FluidR3_GM.sf2 /usr/share/sounds/sf2/TimGM6mb.sf2; do
  [ -f "$sf" ] || continue
  (cd "$tmp" && "$bench" run "$sf" 2>&1 | quiet)
  (cd "$tmp" && "$bench" run "$sf" "$tmp/million.mid" 2>&1 | quiet)
done
