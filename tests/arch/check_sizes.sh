#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# MainWindow is layout and actions (docs/ARCHITECTURE.md): each of its files stays under 400
# lines; wiring that grows goes to a controller. Usage: check_sizes.sh SOURCE_ROOT.
set -u
root=${1:?usage: check_sizes.sh SOURCE_ROOT}
status=0
for f in "$root"/app/MainWindow*.cpp "$root"/app/MainWindow*.h; do
    [ -e "$f" ] || continue
    n=$(wc -l <"$f")
    if [ "$n" -ge 400 ]; then
        echo "${f#$root/}: $n lines (the limit is 399)"
        status=1
    fi
done
[ $status -eq 0 ] && echo "sizes: every MainWindow file is under 400 lines"
exit $status
