#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Crash recovery through the real pianola binary on a private X server (Xvfb), its windows found
# with xdotool as a user would see them:
#   recovery  a change (a chat prompt) is autosaved; kill -9; the next start shows a dialog titled
#             "Recover..." while the file is still on disk; Escape keeps it (also across a clean
#             quit); Restore brings the takes back (SIGTERM then keeps them in the file);
#             Discard deletes it.
#   two       two instances autosave to two files; one never offers the other's live file, and
#             closing one with Discard leaves the other's; after kill -9 of both, the next start
#             offers both.
# Usage: check_gui_recovery.sh PIANOLA [recovery|two]... (default: both)
# Exit 77 (skip) when Xvfb or xdotool is not installed (Debian packages xvfb, xdotool).
set -u
bin=$1
shift
cases=("${@:-recovery two}")
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "Xvfb/xdotool not installed: skipping" >&2; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pianola-recovery.XXXXXX")
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_RUNTIME_DIR=$work/run
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# Under the sanitizer build, the exit status is the subject, not LeakSanitizer's report on X11's
# and fontconfig's exit-time allocations (the in-process tests check our own leaks).
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
export QT_QPA_PLATFORM=xcb LC_ALL=C.UTF-8 QT_LOGGING_RULES="pianola.*.info=false"
recovery_dir=$XDG_DATA_HOME/Pianola/Pianola/recovery
pids=()

# -noreset: by default an X server resets when its last client disconnects, and refuses new
# connections while it does. Here every xdotool call is a client, and at times (both crashed
# instances gone) it is the last one: a pianola started then died with "could not connect to
# display" (CI, 2026-12-07). Measured with two xdotool calls at a time in a loop on a busy
# machine: 8 and 13 of 300 failed to connect without -noreset, none of 300 with it.
Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp -noreset 3>"$work/display" 2>"$work/xvfb.log" &
xvfb=$!
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  kill "$xvfb" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "Xvfb did not start"; cat "$work/xvfb.log"; exit 1; }
export DISPLAY=:$(head -n1 "$work/display")

fail() {
  echo "FAIL: $*" >&2
  # What the instances printed (sanitizer reports, aborts), so a failure in CI says why.
  [ -s "$work/pianola.log" ] && { echo "--- pianola.log (last 60 lines):" >&2; grep -v "^ALSA\|JackShm\|jack server\|Cannot connect" "$work/pianola.log" | tail -n 60 >&2; }
  [ -s "$work/xvfb.log" ] && { echo "--- xvfb.log (last 20 lines):" >&2; tail -n 20 "$work/xvfb.log" >&2; }
  exit 1
}
# Waits (up to $2 s) until the shell condition $1 holds.
wait_for() { local i; for i in $(seq $((${2:-20} * 10))); do eval "$1" && return 0; sleep 0.1; done; eval "$1"; }
start() { "$bin" "$@" >>"$work/pianola.log" 2>&1 & pids+=($!); last=$!; }
recover_windows() { xdotool search --onlyvisible --name '^Recover' 2>/dev/null; }
files() { ls "$recovery_dir"/*.pianola 2>/dev/null; }
count_files() { files | wc -l; }
# Presses a key in the visible Recover dialog (Return = Restore, Escape = keep, alt+d = Discard).
answer() {
  local w
  w=$(recover_windows | head -n1)
  [ -n "$w" ] || fail "no Recover dialog to answer"
  xdotool windowfocus --sync "$w" key --clearmodifiers "$1"
  wait_for "! xdotool search --onlyvisible --name '^Recover' >/dev/null 2>&1 || [ \"\$(recover_windows | head -n1)\" != $w ]" 10 ||
    fail "the Recover dialog stayed after $1"
}
main_window() { xdotool search --all --onlyvisible --pid "$1" --name 'Pianola$' 2>/dev/null | head -n1; }
takes_of() { python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print(json.dumps(p["takes"], sort_keys=True))' "$1"; }
# A change in a new instance: a chat prompt makes a take; autosave writes it after 3 s idle.
start_changed() {
  local before; before=$(count_files)
  start --prompt "8 bars of calm piano in C major"
  wait_for "[ \$(count_files) -gt $before ]" 30 || fail "no autosave appeared"
}

case_recovery() {
  rm -rf "$recovery_dir"
  start_changed
  local a=$last file; file=$(files)
  wait_for "grep -q 'calm piano' '$file'" 10 || fail "the autosave has no chat"
  local takes; takes=$(takes_of "$file")
  kill -9 "$a"; wait "$a" 2>/dev/null
  [ -f "$file" ] || fail "the recovery file went with the process"

  # Start again: the dialog comes; the file is untouched before the choice; Escape keeps it.
  start; local b=$last
  wait_for '[ -n "$(recover_windows)" ]' 20 || fail "no Recover dialog after kill -9"
  [ -f "$file" ] || fail "the recovery file was deleted before the choice"
  answer Escape
  [ -f "$file" ] || fail "Keep for later deleted the file"
  wait_for '[ -n "$(main_window $b)" ]' 10 || fail "no main window"
  xdotool windowfocus --sync "$(main_window $b)" key --clearmodifiers ctrl+q
  wait_for "! kill -0 $b 2>/dev/null" 15 || fail "Quit did not end pianola"
  [ -f "$file" ] || fail "a clean quit deleted another run's recovery file"

  # Restore: the work is back (a signal then keeps it: the file is rewritten from the window).
  start; local c=$last
  wait_for '[ -n "$(recover_windows)" ]' 20 || fail "no Recover dialog the second time"
  local stamp; stamp=$(stat -c %Y.%N "$file" 2>/dev/null || stat -c %Y "$file")
  sleep 1.1
  answer Return
  [ -f "$file" ] || fail "Restore deleted the file before the work was saved"
  wait_for '[ -n "$(main_window $c)" ]' 10 || fail "no main window after Restore"
  kill -TERM "$c"
  wait_for "! kill -0 $c 2>/dev/null" 15 || fail "SIGTERM did not end pianola"
  wait "$c"; local status=$?
  [ "$status" -eq 0 ] || fail "SIGTERM: exit status $status"
  [ -f "$file" ] || fail "SIGTERM with unsaved (restored) work deleted its recovery file"
  [ "$(stat -c %Y "$file")" -gt "${stamp%%.*}" ] || fail "the restored window did not write the work back"
  [ "$(takes_of "$file")" = "$takes" ] || fail "the restored takes differ from the autosaved ones"

  # Discard deletes it.
  start; local d=$last
  wait_for '[ -n "$(recover_windows)" ]' 20 || fail "no Recover dialog after SIGTERM with unsaved work"
  answer alt+d
  wait_for "[ ! -f '$file' ]" 5 || fail "Discard kept the file"
  kill -TERM "$d"; wait "$d"
  echo "recovery: ok"
}

case_two() {
  rm -rf "$recovery_dir"
  start_changed; local a=$last fa; fa=$(files)
  # A second instance: no dialog for the first one's live file; its own autosave is another file.
  start_changed; local b=$last
  [ "$(count_files)" -eq 2 ] || fail "two instances share a recovery file"
  [ -z "$(recover_windows)" ] || fail "a live instance's recovery file was offered"
  # A third one, unchanged, quits with Ctrl+Q: the others' files stay.
  start; local c=$last
  wait_for '[ -n "$(main_window $c)" ]' 15 || fail "no main window for the third instance"
  sleep 1
  [ -z "$(recover_windows)" ] || fail "a live instance's recovery file was offered"
  xdotool windowfocus --sync "$(main_window $c)" key --clearmodifiers ctrl+q
  wait_for "! kill -0 $c 2>/dev/null" 15 || fail "Quit did not end the third instance"
  [ "$(count_files)" -eq 2 ] || fail "closing one instance deleted another's recovery file"
  # The second one closes with Discard: only its own file goes.
  xdotool windowfocus --sync "$(main_window $b)" key --clearmodifiers ctrl+q
  wait_for '[ -n "$(xdotool search --all --onlyvisible --pid '$b' --name "Unsaved changes" 2>/dev/null)" ]' 10 ||
    fail "no unsaved-changes question"
  xdotool windowfocus --sync "$(xdotool search --all --onlyvisible --pid "$b" --name 'Unsaved changes' | head -n1)" key --clearmodifiers alt+d
  wait_for "! kill -0 $b 2>/dev/null" 15 || fail "Discard did not end the second instance"
  [ -f "$fa" ] || fail "Discard in the second instance deleted the first one's recovery file"
  [ "$(count_files)" -eq 1 ] || fail "Discard kept the second instance's file"
  # Both killed: the next start offers each orphan in turn.
  start_changed; local e=$last
  kill -9 "$a" "$e"; wait "$a" "$e" 2>/dev/null
  start; local f=$last
  wait_for '[ -n "$(recover_windows)" ]' 20 || fail "no Recover dialog after two crashes"
  answer Escape
  wait_for '[ -n "$(recover_windows)" ]' 10 || fail "the second orphan was not offered"
  answer Escape
  sleep 1
  [ -z "$(recover_windows)" ] || fail "a third Recover dialog"
  [ "$(count_files)" -eq 2 ] || fail "Keep for later deleted a file"
  kill -TERM "$f"; wait "$f"
  echo "two instances: ok"
}

for c in ${cases[*]}; do
  "case_$c" || exit 1
done
