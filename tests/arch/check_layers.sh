#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The layering rule of docs/ARCHITECTURE.md, enforced: model/ includes nothing of engine/,
# widgets/ or app/; engine/ nothing of widgets/ or app/; widgets/ nothing of engine/ or app/.
# Usage: check_layers.sh SOURCE_ROOT. Prints every crossing include (file:line) and exits 1.
set -u
root=${1:?usage: check_layers.sh SOURCE_ROOT}
status=0
check() { # check LAYER FORBIDDEN-REGEX
    local layer=$1 forbidden=$2 hits
    [ -d "$root/$layer" ] || return 0
    hits=$(grep -rnE --include='*.h' --include='*.cpp' --include='*.in' \
        "^[[:space:]]*#[[:space:]]*include[[:space:]]*[\"<]($forbidden)/" "$root/$layer")
    if [ -n "$hits" ]; then
        printf '%s/ must not include %s/:\n%s\n' "$layer" "${forbidden//|//, }" "${hits//$root\//}"
        status=1
    fi
}
check model 'engine|widgets|app'
check engine 'widgets|app'
check widgets 'engine|app'
[ $status -eq 0 ] && echo "layers: model <- engine, model <- widgets, app above all: no crossing include"
exit $status
