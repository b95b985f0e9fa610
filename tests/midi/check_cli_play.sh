#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# pianola-cli ports/play end to end on the JACK server run_with_jack.sh started, received by
# jack_midi_dump: a port listed, a file played to the end, a looping play stopped by SIGINT,
# a virtual port, and loops stopped by each terminating signal (HUP INT QUIT PIPE ALRM TERM
# USR1 USR2, with the sustain pedal down) - each with every note-on followed by its note-off,
# and CC 123 (and CC 64 = 0 where the pedal is down) at the end.
# A check that fails while jackd reported xruns (a skipped cycle loses its MIDI) runs again.
# Usage: tests/midi/run_with_jack.sh tests/midi/check_cli_play.sh PIANOLA-CLI
set -uo pipefail
cli=$1
command -v jack_midi_dump >/dev/null || { echo "jack_midi_dump missing (package jackd2): skipping"; exit 77; }
[ -n "${JACK_DEFAULT_SERVER:-}" ] || { echo "run me through tests/midi/run_with_jack.sh" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pianola-cli-play.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }   # ends the check's subshell
# A failure no xrun explains (an exit status, a missing message): never retried as inconclusive.
hard_fail() { echo "FAIL: $*" >&2; exit 3; }

# 240 bpm, ppq 480: three notes on channel 1 (two overlapping), program 3; 0.5 s long.
cat >"$tmp/clip.json" <<'EOF'
{"ppq": 480, "bpm": 240,
 "tracks": [{"name": "A", "channel": 1, "program": 3,
   "notes": [{"key": 60, "vel": 100, "start": 0, "length": 240},
             {"key": 64, "vel": 90, "start": 240, "length": 480},
             {"key": 67, "vel": 80, "start": 480, "length": 480}],
   "cc": [{"tick": 0, "controller": 7, "value": 100}]}]}
EOF
# The same with the sustain pedal held from the start (what a stop must release: CC 64 = 0).
sed 's/"cc": \[/"cc": [{"tick": 0, "controller": 64, "value": 127}, /' "$tmp/clip.json" >"$tmp/pedal.json"

# Starts a receiver writing to $1 (stopped when the check's subshell exits).
start_dump() {
  jack_midi_dump pianola-dump >"$1" 2>/dev/null &
  dump_pid=$!
  trap 'kill "$dump_pid" 2>/dev/null; wait "$dump_pid" 2>/dev/null' EXIT
  for _ in $(seq 50); do jack_lsp 2>/dev/null | grep -q '^pianola-dump:input$' && return; sleep 0.1; done
  fail "jack_midi_dump did not come up"
}

# Every note-on (9n vv>0) has a later note-off (8n, or 9n 00) or All Notes Off (CC 123) on its
# channel; CC 123 after the last note-on. (A note-off for a note that began before the receiver
# was connected is fine. A dummy-driver JACK server on a loaded machine can skip a cycle's MIDI:
# the stop's CC 123 is what guarantees silence then, as with real hardware.)
check_notes() {
  local file=$1 expected_ons=$2
  sleep 0.3   # the last cycle reaches the dump
  awk -v want="$expected_ons" '
    $2 ~ /^9/ && $4 != "00" { on[substr($2, 2, 1) " " $3]++; ons++; last = NR; next }
    $2 ~ /^[89]/ { on[substr($2, 2, 1) " " $3]--; next }
    $2 ~ /^b/ && $3 == "7b" {
      ch = substr($2, 2, 1)
      for (k in on) if (substr(k, 1, 1) == ch) on[k] = 0
      if (NR > last) cc123 = 1
    }
    END {
      for (k in on) if (on[k] > 0) { print "left sounding (channel, key): " k; bad = 1 }
      if (ons < want) { print ons " note-ons, expected at least " want; bad = 1 }
      if (!cc123) { print "no CC 123 after the last note-on"; bad = 1 }
      exit bad
    }' "$file" || fail "$(basename "$file"): notes left sounding"
}

# Waits (up to 15 s) until file $1 holds $2 note-ons: a loaded machine can be slow to start playing.
wait_for_ons() {
  for _ in $(seq 150); do
    [ "$(awk '$2 ~ /^9/ && $4 != "00"' "$1" | wc -l)" -ge "$2" ] && return
    sleep 0.1
  done
}

# After the last note-on: CC 64 = 0 (sustain off) on channel 2 (status b1), where the pedal is held.
check_pedal_released() {
  awk '$2 ~ /^9/ && $4 != "00" { last = NR; next }
       $2 == "b1" && $3 == "40" && $4 == "00" && NR > last { released = 1 }
       END { if (!released) { print "no CC 64 = 0 after the last note-on"; exit 1 } }' "$1" ||
    fail "$(basename "$1"): sustain pedal left on"
}

# `play --loop` stopped by signal $1 (as named by kill -l): exit 0, "stopped at ... (SIG$1)", every
# note ended, CC 123 and CC 64 = 0 sent. (A background job of a script starts with SIGINT and
# SIGQUIT ignored: the player must handle them anyway.)
check_signal() {
  local sig=$1 dump="$tmp/dump-$1.txt" status=0
  start_dump "$dump"
  "$cli" play "$tmp/pedal.json" --api jack --port pianola-dump --loop >/dev/null 2>"$tmp/err-$sig.txt" &
  local pid=$!
  wait_for_ons "$dump" 6   # two rounds
  kill -s "$sig" "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"
    wait "$pid"
    hard_fail "SIG$sig: play did not stop within 10 s (the signal was ignored)"
  fi
  wait "$pid" || status=$?
  [ "$status" -eq 0 ] || hard_fail "SIG$sig: play exit $status: $(cat "$tmp/err-$sig.txt")"
  grep -q "stopped at .*(SIG$sig)" "$tmp/err-$sig.txt" || hard_fail "SIG$sig: $(cat "$tmp/err-$sig.txt")"
  check_notes "$dump" 6
  check_pedal_released "$dump"
}
signal_checks=()
for sig in HUP INT QUIT PIPE ALRM TERM USR1 USR2; do
  eval "check_signal_$sig() { check_signal $sig; }"
  signal_checks+=("check_signal_$sig")
done

check_ports() {
  start_dump "$tmp/dump-ports.txt"
  "$cli" ports --api jack >"$tmp/ports.txt" || fail "ports exit $?"
  grep -q 'out .*pianola-dump:input' "$tmp/ports.txt" || fail "ports: $(cat "$tmp/ports.txt")"
}

check_play_to_end() {
  start_dump "$tmp/dump-end.txt"
  "$cli" play "$tmp/clip.json" --api jack --port PIANOLA-DUMP >"$tmp/out.txt" || fail "play exit $?"
  grep -q "to jack port 'pianola-dump:input'" "$tmp/out.txt" || fail "play said: $(cat "$tmp/out.txt")"
  head -1 "$tmp/dump-end.txt" | grep -q ': c1 03' || fail "first message: $(head -1 "$tmp/dump-end.txt")"
  check_notes "$tmp/dump-end.txt" 3
}

check_sigint_stops_a_loop() {
  start_dump "$tmp/dump-int.txt"
  "$cli" play "$tmp/clip.json" --api jack --port pianola-dump --loop >/dev/null 2>"$tmp/err.txt" &
  local pid=$! status=0
  wait_for_ons "$tmp/dump-int.txt" 6   # two rounds
  kill -INT "$pid"
  wait "$pid" || status=$?
  [ "$status" -eq 0 ] || fail "interrupted play exit $status: $(cat "$tmp/err.txt")"
  grep -q 'stopped at' "$tmp/err.txt" || fail "no 'stopped at': $(cat "$tmp/err.txt")"
  check_notes "$tmp/dump-int.txt" 6
}

check_virtual_port() {
  start_dump "$tmp/dump-virtual.txt"
  "$cli" play "$tmp/clip.json" --api jack --virtual --loop >/dev/null 2>&1 &
  local pid=$! port=
  for _ in $(seq 50); do
    port=$(jack_lsp 2>/dev/null | grep -m1 ':Pianola$')
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { kill "$pid"; fail "virtual port 'Pianola' did not appear"; }
  jack_connect "$port" pianola-dump:input
  sleep 1.0
  kill -TERM "$pid"
  wait "$pid" || fail "SIGTERM play exit $?"
  check_notes "$tmp/dump-virtual.txt" 1
}

check_usage_errors() {
  "$cli" play "$tmp/clip.json" --port x --virtual >/dev/null 2>&1; [ $? -eq 2 ] || fail "--port with --virtual"
  "$cli" play "$tmp/clip.json" --api jack --port no-such-port >/dev/null 2>&1; [ $? -eq 1 ] || fail "missing port"
  "$cli" play "$tmp/missing.mid" --api jack --port x >/dev/null 2>&1; [ $? -eq 1 ] || fail "missing file"
}

xruns() { grep -c -E 'XRun|not finished' "${PIANOLA_JACKD_LOG:-/dev/null}" 2>/dev/null || true; }

for check in check_ports check_play_to_end check_sigint_stops_a_loop check_virtual_port check_usage_errors \
             "${signal_checks[@]}"; do
  for attempt in 1 2 3; do
    before=$(xruns)
    echo "== $check"
    ( $check )
    case $? in 0) continue 2 ;; 3) exit 1 ;; esac
    [ "$(xruns)" -gt "$before" ] || exit 1
    echo "   failed during JACK xruns: inconclusive, again (attempt $attempt)"
  done
  echo "SKIP: $check met JACK xruns every time"
  exit 77
done
echo "all cli play checks passed"
