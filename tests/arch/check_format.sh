#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every C++ file the repository tracks matches the root .clang-format (the tree was formatted in
# one commit; this keeps it so). Usage: check_format.sh SOURCE_ROOT. Lists the files that differ.
set -u
root=${1:?usage: check_format.sh SOURCE_ROOT}
cd "$root" || exit 2
command -v clang-format >/dev/null || { echo "clang-format is not installed: skipped"; exit 77; }
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null | grep -v 'tests/arch/bad-tree/')
[ -n "$files" ] || files=$(find app engine model widgets tests -name '*.cpp' -o -name '*.h' 2>/dev/null | grep -v bad-tree)
# One clang-format process for all files (one per file took 30 s of CPU); it names each file
# that differs in its warnings ("FILE:LINE:COL: error: code should be clang-formatted").
bad_files=$(clang-format --dry-run -Werror $files 2>&1 | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
bad=0
for f in $bad_files; do
    echo "differs from .clang-format: $f (clang-format -i $f)"
    bad=$((bad + 1))
done
[ $bad -eq 0 ] && echo "format: every C++ file matches .clang-format" || echo "format: $bad file(s) differ"
[ $bad -eq 0 ]
