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
