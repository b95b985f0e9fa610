#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Render speed: `pianola-cli render` against `fluidsynth -F` on the same 4-track 8-bar clip and
# SoundFont (FluidR3_GM), whole processes, with hyperfine. Usage: bench_render.sh PIANOLA_CLI
set -euo pipefail
cli=${1:?usage: bench_render.sh PIANOLA_CLI}
here=$(cd "$(dirname "$0")" && pwd)
sf=/usr/share/sounds/sf2/FluidR3_GM.sf2
clip="$here/data/clip-4track-8bar.mid"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hyperfine -w 2 -r 10 -N --export-json "$tmp/r.json" \
  "$cli render $clip -o $tmp/p.wav --soundfont $sf --quiet" \
  "fluidsynth -ni -q -F $tmp/f.wav -r 44100 $sf $clip" >/dev/null
/usr/bin/python3 - "$tmp" <<'PY'
import json, subprocess, sys
tmp = sys.argv[1]
r = json.load(open(f"{tmp}/r.json"))["results"]
def seconds(wav):
    return float(subprocess.check_output(["soxi", "-D", wav]).decode()) if subprocess.call(["which", "soxi"], stdout=subprocess.DEVNULL) == 0 else float("nan")
for name, res, wav in (("pianola-cli render", r[0], "p.wav"), ("fluidsynth -F", r[1], "f.wav")):
    audio = seconds(f"{tmp}/{wav}")
    print(f"{name:20s} {res['mean']*1000:7.1f} ms ± {res['stddev']*1000:4.1f}   {audio:6.2f} s audio   {audio/res['mean']:6.1f}x real time")
print(f"pianola / fluidsynth time: {r[0]['mean']/r[1]['mean']:.3f}")
PY
