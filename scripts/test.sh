#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds Pianola and runs every test: the Qt Test suite (CTest), the suite again under
# AddressSanitizer + UndefinedBehaviorSanitizer, the libFuzzer targets for a bounded time, and
# the cross-check against an independent reader. Installs what it needs (scripts/deps.sh).
# Environment: PIANOLA_FUZZ_SECONDS (default 15 per target), PIANOLA_SKIP_SANITIZE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
jobs=$(nproc)

echo "== build (RelWithDebInfo) and test"
# -g1 (function names and line tables for backtraces), not -g: full debug information cost a
# quarter of the compile time, minutes of CI's 30 (tst_chat.cpp: 11.1 s of CPU with -g, 7.8 s with -g1).
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

if [ "${PIANOLA_SKIP_SANITIZE:-0}" != 1 ]; then
  echo "== ASan + UBSan build (clang) and test, then fuzzing"
  CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DPIANOLA_SANITIZE=ON -DPIANOLA_FUZZ=ON -DPIANOLA_BUILD_BENCH=OFF >/dev/null
  cmake --build build-asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/tests/sanitizers/lsan.supp" \
    ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE fuzz
  bash scripts/fuzz.sh build-asan "${PIANOLA_FUZZ_SECONDS:-15}"
fi
echo "== all tests passed"
