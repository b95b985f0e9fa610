#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds Pianola (Release) and starts the app. Extra arguments go to the app (e.g. a file).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh build
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DPIANOLA_BUILD_TESTS=OFF >/dev/null
cmake --build build-release --target pianola pianola-cli
exec ./build-release/app/pianola "$@"
