#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `cmake --install` places the binaries, the desktop file, the icons, the MIME type and the schema;
# the desktop file passes desktop-file-validate and the installed CLI runs.
set -euo pipefail
build=$1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
DESTDIR="$dest" cmake --install "$build" --prefix /usr >/dev/null
for f in bin/pianola bin/pianola-cli share/applications/pianola.desktop \
         share/icons/hicolor/scalable/apps/pianola.svg share/icons/hicolor/256x256/apps/pianola.png \
         share/mime/packages/pianola.xml share/pianola/schemas/plan.schema.json \
         share/pianola/schemas/brief.schema.json share/pianola/schemas/analysis.schema.json; do
  [ -e "$dest/usr/$f" ] || { echo "missing after install: $f" >&2; exit 1; }
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$dest/usr/share/applications/pianola.desktop"
fi
grep -q 'glob pattern="\*.pianola"' "$dest/usr/share/mime/packages/pianola.xml"
"$dest/usr/bin/pianola-cli" --version
echo "install layout ok"
