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
  # One pass over the folder: each input longer than -max_len, then "count bytes".
  report=$(find "$dir" -type f -printf '%s\t%p\n' 2>/dev/null |
    awk -F '\t' -v max="$maxlen" -v t="$target" -v root="$corpus/" '
      $1 > max { if (index($2, root) == 1) $2 = substr($2, length(root) + 1); print $2 ": " $1 " bytes, longer than " t "'"'"'s -max_len of " max }
      { n++; s += $1 } END { print n + 0, s + 0 }')
  read -r n bytes <<<"$(tail -n1 <<<"$report")"
  if [ "$n" -eq 0 ]; then
    echo "$target: no kept corpus in $dir"
    status=1
    continue
  fi
  if [ "$(wc -l <<<"$report")" -gt 1 ]; then
    head -n -1 <<<"$report"
    status=1
  fi
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
