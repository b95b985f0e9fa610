#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The German translation is complete: lupdate over the GUI sources finds no string without one.
set -euo pipefail
src=$1
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/translations/pianola_de.ts" "$tmp/de.ts"
"$lupdate" -silent -no-obsolete -locations none -I "$src" "$src/app" "$src/widgets" -ts "$tmp/de.ts" >/dev/null 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
if grep -q 'type="unfinished"' "$tmp/de.ts"; then
  echo "untranslated strings (add them to scripts/translate_de.py):" >&2
  grep -B3 'type="unfinished"' "$tmp/de.ts" | grep '<source>' >&2
  exit 1
fi
echo "German translation complete: $(grep -c '<source>' "$tmp/de.ts") strings"
