#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the libFuzzer targets for a bounded time each, starting from the kept corpus
# (tests/data/fuzz-corpus/<target>), the small hand-made seeds and the regression seeds.
# Everything is written to a temporary folder, never into the checkout, unless --keep is given:
# then each target's corpus is merged (-merge=1, minimized) back into tests/data/fuzz-corpus/
# so the next run continues where this one ended (for offline runs; commit the result).
# Usage: scripts/fuzz.sh [--keep] BUILD_DIR [SECONDS_PER_TARGET] [TARGET...]
# Environment: PIANOLA_FUZZ_EXTRA=DIR adds DIR as one more input folder (e.g. whole songs), and
# with --keep to the merge;
# PIANOLA_FUZZ_RUNS=N stops each target after N executions (long offline runs: 10000000 with a
# SECONDS of 7200 runs ten million executions or two hours, whichever ends first);
# PIANOLA_FUZZ_TIMEOUT=S (default 20): seconds one input may take before it is a timeout (a niced
# long run on a busy machine can wait longer than 20 s for the CPU; replay such an input to time it);
# PIANOLA_FUZZ_SEED=N (default 1): libFuzzer's random seed, so a run on one machine can be
# repeated. It does not make CI's run a subset of a local one (execution speed, and with it what
# a time-bounded run reaches, differs by machine: CI once found what a local seed-1 run had not),
# so fuzz locally for longer and with several seeds (0 means a new seed each run).
set -euo pipefail
cd "$(dirname "$0")/.."
keep=0
[ "${1:-}" = --keep ] && { keep=1; shift; }
build=${1:?usage: fuzz.sh [--keep] BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-30}
shift $(($# < 2 ? $# : 2))
selected=("$@")
work=$(mktemp -d "${TMPDIR:-/tmp}/pianola-fuzz.XXXXXX")
mkdir -p "$work/seeds"/{smf,planjson,project,prompt,reply,llmstream,chords} "$work/artifacts"

# Seeds by input kind: a few hundred bytes each (whole songs make every execution slow).
cp tests/data/fuzz-seeds/smf/* tests/data/fuzz-regressions/smf/* "$work/seeds/smf/"
cp tests/data/plans/*/*.json "$work/seeds/planjson/"
cp tests/data/fuzz-seeds/project/* "$work/seeds/project/"
cp tests/data/fuzz-seeds/llmstream/* "$work/seeds/llmstream/"
cp tests/data/fuzz-seeds/chords/* "$work/seeds/chords/"
for kind in planjson project; do
  cp tests/data/fuzz-regressions/$kind/* "$work/seeds/$kind/" 2>/dev/null || true
done
cp tests/data/briefs/*/*.json tests/data/fuzz-seeds/prompt/* tests/data/fuzz-regressions/prompt/* "$work/seeds/prompt/"
i=0
for p in "8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths" \
         "dark trap beat in F#m, 808 locked to the kick, triplet hi-hat rolls in bar 4" \
         "7/8 jazz in B♭ dorian, a fill every two bars, swing 66%, sixteen bars" \
         "darker, harder kick, add a 2 bar fill at bar 3, transpose to E minor, double time"; do
  i=$((i + 1)); printf '%b' "$p" > "$work/seeds/prompt/prompt$i.txt"
done
# LLM replies: plans and briefs, bare, in prose and in fences.
for f in tests/data/plans/valid/*.json tests/data/briefs/valid/*.json; do
  b=$(basename "$(dirname "$f")")-$(basename "$f")
  cp "$f" "$work/seeds/reply/$b"
  { printf 'Sure, here it is:\n```json\n'; cat "$f"; printf '\n```\nEnjoy!'; } > "$work/seeds/reply/fenced-$b"
done

# target              seeds     -max_len  dictionary (tests/fuzz/dict/*.dict)
targets=(
  "fuzz_smf_read       smf       4096      smf"
  "fuzz_smf_pair       smf       4096      smf"
  "fuzz_smf_plan       smf       1024      smf"
  "fuzz_smf_roundtrip  smf       1024      smf"
  "fuzz_analysis       smf       1024      smf"
  "fuzz_planjson       planjson  8192      json"
  "fuzz_project        project   8192      json"
  "fuzz_generate       prompt    4096      -"
  "fuzz_intent         prompt    4096      -"
  "fuzz_answer         prompt    1024      -"
  "fuzz_llmreply       reply     16384     json"
  "fuzz_llmstream      llmstream 4096      -"
  "fuzz_chordsymbol    chords    256       -"
)

failed=()
run() {
  local target=$1 seeds=$2 maxlen=$3 dict=$4
  local corpus="$work/corpus/$target" log="$work/$target.log"
  mkdir -p "$corpus"
  [ -d "tests/data/fuzz-corpus/$target" ] && cp tests/data/fuzz-corpus/"$target"/* "$corpus/" 2>/dev/null
  local extra=()
  [ -n "${PIANOLA_FUZZ_EXTRA:-}" ] && extra+=("$PIANOLA_FUZZ_EXTRA")
  # A kept run of a chat-line target starts from the generator's kept prompts too (read, never
  # written), and its merge keeps those of them that reach something its own corpus does not, so
  # its kept corpus covers both and a short run (CI's) needs only its own: fuzz_answer replayed
  # its 2,660 kept inputs and the generator's 3,289 prompts before it began to fuzz, and CI's 15 s
  # slot took 51 s; its edge-merged corpus (688 inputs, more edges) keeps it to 16 s.
  if [ "$keep" = 1 ] && [ "$seeds" = prompt ] && [ "$target" != fuzz_generate ] &&
     [ -d tests/data/fuzz-corpus/fuzz_generate ]; then
    extra+=(tests/data/fuzz-corpus/fuzz_generate)
  fi
  local inputs=("$corpus" "$work/seeds/$seeds" "${extra[@]}")
  # Entropic's rare features: those hit at most 16 times, not 255. In a run of a few thousand
  # executions (a slow target, or CI's short run) nearly every feature stays under 255, and
  # libFuzzer searched that whole list for every feature of every execution: a third of
  # fuzz_answer's and fuzz_generate's time (30 s, seed 1: fuzz_answer 1,584 executions at 255,
  # 2,910 at 16, 2,938 without entropic; coverage the same).
  local options=(-max_total_time="$seconds" -max_len="$maxlen" -rss_limit_mb=3072
                 -timeout="${PIANOLA_FUZZ_TIMEOUT:-20}"
                 -seed="${PIANOLA_FUZZ_SEED:-1}" -entropic_feature_frequency_threshold=16
                 -print_final_stats=1 -artifact_prefix="$work/artifacts/$target-")
  [ "$dict" != - ] && options+=(-dict="tests/fuzz/dict/$dict.dict")
  [ -n "${PIANOLA_FUZZ_RUNS:-}" ] && options+=(-runs="$PIANOLA_FUZZ_RUNS")
  echo "-- $target: ${seconds}s from $(find "$corpus" -type f | wc -l) kept inputs, -max_len=$maxlen"
  local TIMEFORMAT='%R %U %S'
  # A 64 MB quarantine, not ASan's 256 MB: a use after free is still caught for whatever was freed
  # in the last 64 MB (an execution frees far less: 20 kept inputs under valgrind, 0.25 MB each
  # for fuzz_answer, 0.1 MB for fuzz_generate), and cycling freed memory through 256 MB cost
  # page faults and cache misses (kept inputs, one run each: fuzz_answer 4.9 -> 3.1 s CPU,
  # fuzz_analysis 1.55 -> 1.17 s, fuzz_generate 2.45 -> 2.06 s).
  { time ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=64 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$build/tests/fuzz/$target" "${options[@]}" "${inputs[@]}" >"$log" 2>&1 || true; } 2>"$log.time"
  summarize "$target" "$log"
  # A slow unit (over 10 s of wall time, under the 20 s timeout) is reported, not failed: on a
  # shared machine it is usually the scheduler (a niced run once waited 10 s for a 0.1 s unit).
  for a in "$work/artifacts/$target-slow-unit-"*; do
    [ -e "$a" ] || continue
    echo "   slow unit (not a failure; replay it to time it): $a, base64: $(base64 -w 0 "$a" | head -c 8192)" >&2
    mv "$a" "$work/$(basename "$a")"
  done
  if ls "$work/artifacts/$target-"* >/dev/null 2>&1; then
    grep -E -A30 'ERROR|invariant|SUMMARY|Test unit written|==[0-9]+==' "$log" | head -80 >&2
    for a in "$work/artifacts/$target-"*; do
      echo "FAILED: $target: $a ($(stat -c %s "$a") bytes), base64:" >&2
      base64 -w 0 "$a" | head -c 8192 >&2; echo >&2
    done
    touch "$work/$target.failed"
  elif [ "$keep" = 1 ]; then
    merge "$target" "$maxlen" "$corpus" "$work/seeds/$seeds" "${extra[@]}"
  fi
}

# One line per target: executions, their rate per second of wall and of CPU time (the CPU may be
# shared), coverage (edges), features, corpus size.
summarize() {
  local runs stats
  runs=$(grep -oP 'stat::number_of_executed_units:\s+\K[0-9]+' "$2" || echo 0)
  stats=$(grep -E '#[0-9]+.*cov: ' "$2" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+' || true)
  awk -v t="$1" -v n="$runs" -v s="${stats:-no coverage line}" \
      -v rss="$(grep -oP 'stat::peak_rss_mb:\s+\K[0-9]+' "$2" || echo ?)" \
      '{ cpu = $2 + $3; printf "   %s: %d executions, %.0f/s (%.0f s), %.0f per CPU second (%.0f s CPU); %s; peak RSS %s MB\n",
         t, n, n / ($1 + 1e-9), $1, n / (cpu + 1e-9), cpu, s, rss }' "$2.time"
}

# --keep: the kept corpus becomes the minimal set covering every edge the old kept corpus and this
# run's reach. Edges, not libFuzzer's hit-count buckets (-use_counters=0): the same edges from a
# quarter of the inputs and an eighth of the bytes (fuzz_planjson: 6,762 edges from 792 inputs,
# 429 KB, not 2,767 inputs, 3.3 MB), so the kept corpora stay a few MB in all and CI replays them
# quickly. The price: a run starts with fewer hit-count features (fuzz_planjson 22,204, not 28,938).
merge() {
  local target=$1 maxlen=$2 merged="$work/merged/$1"
  shift 2
  mkdir -p "$merged"
  "$build/tests/fuzz/$target" -merge=1 -use_counters=0 -max_len="$maxlen" -rss_limit_mb=3072 \
    -timeout=20 "$merged" "$@" >"$work/$target-merge.log" 2>&1
  rm -rf "tests/data/fuzz-corpus/$target"
  mkdir -p "tests/data/fuzz-corpus/$target"
  cp "$merged"/* "tests/data/fuzz-corpus/$target/" 2>/dev/null || true
  echo "   kept corpus: $(find "tests/data/fuzz-corpus/$target" -type f | wc -l) inputs," \
       "$(du -sh "tests/data/fuzz-corpus/$target" | cut -f1)"
}

# Targets run side by side, PIANOLA_FUZZ_JOBS at a time (default: the number of CPUs; each target
# is one process), so CI's run takes 13 x SECONDS / JOBS; each target's report is printed in the
# table's order once all have ended.
jobs_max=${PIANOLA_FUZZ_JOBS:-$(nproc)}
order=()
for line in "${targets[@]}"; do
  set -- $line
  if [ ${#selected[@]} -eq 0 ] || [[ " ${selected[*]} " == *" $1 "* ]]; then
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
    order+=("$1")
    ( run "$@" ) >"$work/$1.report" 2>&1 &
  fi
done
wait || true
for target in "${order[@]}"; do
  cat "$work/$target.report"
  [ -e "$work/$target.failed" ] && failed+=("$target")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing: findings in ${failed[*]}; inputs and logs in $work" >&2
  exit 1
fi
rm -rf "$work"
echo "fuzzing: no crash, leak, hang or invariant violation"
