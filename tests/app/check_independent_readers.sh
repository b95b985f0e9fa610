#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Cross-checks pianola-cli against independent readers:
#  1. `notes` CSV == shared/tools/mido-notes (Python mido) on every pop909-dev song, byte for byte;
#  2. a file we export opens in mido and midicsv, with the same notes.
# Exit 77 (skipped) when ../shared or python3-mido is absent.
set -euo pipefail
cli=$1
shared=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -x "$shared/tools/mido-notes" ] || ! /usr/bin/python3 -c 'import mido' 2>/dev/null; then
  echo "skipped: needs ../shared/tools/mido-notes and python3-mido"
  exit 77
fi
mapfile -t songs < <(ls "$shared"/corpora/pop909-dev/*/*.mid 2>/dev/null)
if [ ${#songs[@]} -gt 0 ]; then
  "$cli" notes "${songs[@]}" > "$tmp/ours.csv"
  "$shared/tools/mido-notes" "${songs[@]}" > "$tmp/mido.csv"
  if ! cmp -s "$tmp/ours.csv" "$tmp/mido.csv"; then
    diff "$tmp/ours.csv" "$tmp/mido.csv" | head -20
    echo "FAIL: pianola-cli notes and mido disagree on pop909-dev" >&2
    exit 1
  fi
  echo "pop909-dev: ${#songs[@]} files, $(wc -l < "$tmp/ours.csv") notes, identical to mido"
fi
# Export a plan and read it with mido and midicsv.
cat > "$tmp/plan.json" <<'JSON'
{"ppq":480,"bpm":110,"program":0,"tracks":[{"name":"Piano","channel":0,"program":0,"notes":[{"key":60,"vel":96,"start":0,"length":480},{"key":64,"vel":90,"start":480,"length":480}]},
 {"name":"Drums","channel":9,"program":0,"notes":[{"key":36,"vel":110,"start":0,"length":120},{"key":38,"vel":100,"start":480,"length":120}]}]}
JSON
"$cli" convert "$tmp/plan.json" -o "$tmp/out.mid"
"$cli" notes "$tmp/out.mid" | sed "s|$tmp/||" > "$tmp/ours2.csv"
"$shared/tools/mido-notes" "$tmp/out.mid" | sed "s|$tmp/||" > "$tmp/mido2.csv"
cmp "$tmp/ours2.csv" "$tmp/mido2.csv"
if command -v midicsv >/dev/null; then
  midicsv "$tmp/out.mid" > "$tmp/out.csv"
  grep -q 'Tempo, 545455' "$tmp/out.csv"
  [ "$(grep -c 'Note_on_c' "$tmp/out.csv")" -eq 4 ]
  [ "$(grep -c 'Note_off_c' "$tmp/out.csv")" -eq 4 ]
  grep -q 'Title_t, "Piano"' "$tmp/out.csv"
fi
echo "exported file: mido and midicsv agree"
# Generated music (offline generator, candidates and a variation) opens in mido and midicsv, with
# the same notes as ours.
"$cli" generate --seed 1 --takes 2 -o "$tmp/gen.mid" "dark trap beat in F#m, 808 locked to the kick, triplet hi-hat rolls in bar 4" >/dev/null
"$cli" generate --seed 2 -o "$tmp/gen-3.mid" "7/8 jazz in Bb with walking bass, swing, humanized, a fill on bar 8" >/dev/null
"$cli" generate --seed 3 -o "$tmp/gen-4.mid" "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths" >/dev/null
"$cli" generate --seed 4 --from "$tmp/gen-1.mid" -o "$tmp/gen-5.mid" "darker, add a 2 bar fill at bar 7, make it 12 bars" >/dev/null
for f in "$tmp"/gen-[1-5].mid; do
  "$cli" notes "$f" | sed "s|$tmp/||" > "$tmp/ours3.csv"
  "$shared/tools/mido-notes" "$f" | sed "s|$tmp/||" > "$tmp/mido3.csv"
  cmp "$tmp/ours3.csv" "$tmp/mido3.csv"
  /usr/bin/python3 -c 'import mido, sys; m = mido.MidiFile(sys.argv[1]); assert m.length > 0' "$f"
  if command -v midicsv >/dev/null; then
    midicsv "$f" > "$tmp/gen.csv"
    ons=$(grep -c 'Note_on_c' "$tmp/gen.csv"); offs=$(grep -c 'Note_off_c' "$tmp/gen.csv")
    [ "$ons" -eq "$offs" ] && [ "$ons" -eq "$(wc -l < "$tmp/ours3.csv")" ]
  fi
done
echo "generated files: mido and midicsv agree"
# The chord track travels as conductor markers: mido reads the same symbols at the same ticks as
# `pianola-cli chords`, after a refit too, and midicsv reads the file.
"$cli" refit "$tmp/gen-3.mid" --chords "Am7 | Fmaj7 | C G/B | E7" -o "$tmp/refit.mid" --quiet
for f in "$tmp/gen-3.mid" "$tmp/refit.mid"; do
  "$cli" chords --json "$f" | /usr/bin/python3 -c '
import json, sys, mido
ours = json.load(sys.stdin)
assert ours["source"] == "file", ours["source"]
f = mido.MidiFile(sys.argv[1])
tick, markers = 0, []
for msg in f.tracks[0]:
    tick += msg.time
    if msg.type == "marker" and msg.text != "N.C.":
        markers.append((tick, msg.text))
mine = [(c["start"], c["symbol"]) for c in ours["chords"]]
assert markers == mine, (markers[:4], mine[:4])
assert f.length > 0
print(sys.argv[1].rsplit("/", 1)[-1] + ": " + str(len(markers)) + " chord markers, as mido reads them")
' "$f"
  if command -v midicsv >/dev/null; then
    midicsv "$f" > "$tmp/chords.csv"
    grep -q 'Marker_t' "$tmp/chords.csv"
  fi
done
echo "chord markers: mido agrees"
