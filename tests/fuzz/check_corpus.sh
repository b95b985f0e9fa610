#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The kept fuzz corpus stays what docs/FUZZING.md says it is: a folder for every target of
# scripts/fuzz.sh's table, no input longer than that target's -max_len (libFuzzer would cut it,
# so its tail was never fuzzed), and a few MB in all (LIMIT_KB, default 4096).
# Usage: check_corpus.sh FUZZ_SH CORPUS_DIR [LIMIT_KB]
set -u
fuzz_sh=${1:?usage: check_corpus.sh FUZZ_SH CORPUS_DIR [LIMIT_KB]}
corpus=${2:?usage: check_corpus.sh FUZZ_SH CORPUS_DIR [LIMIT_KB]}
limit_kb=${3:-4096}
status=0
total=0
targets=0
# The table's rows: "  \"fuzz_x   seeds   maxlen   dict\""
while read -r target maxlen; do
  targets=$((targets + 1))
  dir="$corpus/$target"
  n=$(find "$dir" -type f 2>/dev/null | wc -l)
  if [ "$n" -eq 0 ]; then
    echo "$target: no kept corpus in $dir"
    status=1
    continue
  fi
  while IFS=$'\t' read -r size path; do
    echo "${path#$corpus/}: $size bytes, longer than $target's -max_len of $maxlen"
    status=1
  done < <(find "$dir" -type f -size +"${maxlen}"c -printf '%s\t%p\n')
  bytes=$(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  total=$((total + bytes))
done < <(grep -oP '^\s*"\Kfuzz_\w+\s+\w+\s+[0-9]+' "$fuzz_sh" | awk '{ print $1, $3 }')
if [ "$targets" -eq 0 ]; then
  echo "no targets found in $fuzz_sh"
  exit 1
fi
if [ "$total" -gt $((limit_kb * 1024)) ]; then
  echo "the kept corpus is $((total / 1024)) KB in all, over the $limit_kb KB limit: merge by edges (scripts/fuzz.sh --keep)"
  status=1
fi
[ $status -eq 0 ] && echo "kept corpus: $targets targets, $((total / 1024)) KB in all (limit $limit_kb KB)"
exit $status
