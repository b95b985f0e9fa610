#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the libFuzzer targets for a bounded time each, seeded with the test files.
# Usage: scripts/fuzz.sh BUILD_DIR [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: fuzz.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
work="$build/fuzz-work"
mkdir -p "$work/smf" "$work/json" "$work/prompt" "$work/artifacts"

shared=../shared/corpora/test-midi-files/midi
[ -d "$shared" ] && cp -n "$shared"/*.mid "$work/smf/" 2>/dev/null || true
find tests/data -name '*.mid' -exec cp -n {} "$work/smf/" \; 2>/dev/null || true
find tests/data -name '*.json' -exec cp -n {} "$work/json/" \; 2>/dev/null || true
[ -n "$(ls -A "$work/smf")" ] || printf 'MThd\0\0\0\6\0\1\0\1\1\340MTrk\0\0\0\4\0\377/\0' > "$work/smf/min.mid"
[ -n "$(ls -A "$work/json")" ] || echo '{"ppq":480,"bpm":110,"tracks":[{"name":"P","channel":0,"program":0,"notes":[{"key":60,"vel":96,"start":0,"length":480}]}]}' > "$work/json/seed.json"

# Prompts, variation instructions and briefs for the generator.
cp -n tests/data/briefs/*/*.json "$work/prompt/" 2>/dev/null || true
i=0
for p in "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths" \
         "dark trap beat in F#m, 808 locked to the kick, triplet hi-hat rolls in bar 4" \
         "7/8 jazz in B♭ dorian, a fill every two bars, swing 66%, sixteen bars" \
         "darker, harder kick, add a 2 bar fill at bar 3, transpose to E minor, double time"; do
  i=$((i + 1)); printf '%b' "$p" > "$work/prompt/prompt$i.txt"
done

run() {
  local target=$1 corpus=$2
  echo "-- $target: ${seconds}s"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/fuzz/$target" "$work/$corpus" -max_total_time="$seconds" -max_len=16384 \
    -rss_limit_mb=3072 -timeout=20 -print_final_stats=1 -artifact_prefix="$work/artifacts/$target-" \
    2>&1 | grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|ERROR|invariant|SUMMARY|Test unit written' || true
  # libFuzzer exits non-zero on a crash; grep above hid it, so look for artifacts.
  if ls "$work/artifacts/$target-"* >/dev/null 2>&1; then
    echo "FAILED: $target found a crashing input: $(ls "$work/artifacts/$target-"*)" >&2
    exit 1
  fi
}
run fuzz_smf smf
run fuzz_planjson json
run fuzz_generate prompt
run fuzz_analysis smf
echo "fuzzing: no crash, hang or invariant violation"
