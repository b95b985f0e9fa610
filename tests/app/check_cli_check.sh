#!/bin/bash
# SPDX-License-Identifier: MIT
# `pianola-cli check` through the installed-style binary: a generated take checked against its
# own words (every check passes, JSON shape), other words (checks fail, exit 0), exit 1 and 2.
set -u
cli="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
prompt="8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths, swing 62%, snare on 2 and 4"
"$cli" generate --seed 1 -o "$dir/t.mid" "$prompt" >/dev/null || fail "generate"
out=$("$cli" check --json "$dir/t.mid" "$prompt") || fail "check exit $?"
echo "$out"
case "$out" in '{"checks":[{"name":"tempo","asked":"78 bpm","measured":"78 bpm","pass":true}'*) ;; *) fail "json: $out" ;; esac
case "$out" in *'"pass":false'*) fail "a check of its own words fails: $out" ;; esac
case "$out" in *'"name":"swing","asked":"62%","measured":"6'*'(16ths)","pass":true'*) ;; *) fail "swing: $out" ;; esac
out=$("$cli" check "$dir/t.mid" "in E major at 120 bpm") || fail "failing checks must exit 0"
case "$out" in *"0 of 2 checks pass"*) ;; *) fail "text: $out" ;; esac
"$cli" check "$dir/none.mid" "pop" 2>/dev/null; [ $? -eq 1 ] || fail "unreadable input must exit 1"
"$cli" check "$dir/t.mid" 2>/dev/null; [ $? -eq 2 ] || fail "usage error must exit 2"
"$cli" check --help | grep -q "usage: pianola-cli check" || fail "--help"
echo "ok"
