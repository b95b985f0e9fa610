#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs COMMAND against a private JACK server (dummy driver, 48 kHz, 64-frame periods): starts
# jackd under a unique server name, waits until it answers, runs COMMAND, always stops jackd.
# Usage: tests/midi/run_with_jack.sh COMMAND [ARGS...]
# Exit: COMMAND's status; 77 (skip) when jackd is not installed (Debian package jackd2).
# jackd's output (xrun reports) goes to $PIANOLA_JACKD_LOG, which COMMAND sees: a temporary file
# unless the caller names one to keep. PIANOLA_JACK_REALTIME=1 runs jackd with real-time
# scheduling (needs rtprio or root); the default --no-realtime works anywhere.
# PIANOLA_JACK_PERIOD: frames per period (default 64 = 1.33 ms; larger = fewer xruns on a busy machine).
set -u
if ! command -v jackd >/dev/null 2>&1 || ! command -v jack_wait >/dev/null 2>&1; then
  echo "run_with_jack: jackd/jack_wait not installed (package jackd2): skipping" >&2
  exit 77
fi
[ $# -ge 1 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

export JACK_DEFAULT_SERVER="pianola-test-$$"   # private: parallel tests cannot clash
export JACK_NO_AUDIO_RESERVATION=1              # no D-Bus device reservation
export JACK_NO_START_SERVER=1                   # clients must not start a default server
mode=(--no-realtime)
[ "${PIANOLA_JACK_REALTIME:-0}" = 1 ] && mode=(--realtime)
keep_log=${PIANOLA_JACKD_LOG:-}
log=${keep_log:-$(mktemp "${TMPDIR:-/tmp}/pianola-jackd.XXXXXX")}
export PIANOLA_JACKD_LOG=$log

# What killed servers of earlier runs left behind: their shared memory, and their slots in
# JACK's server registry (it holds a handful: "Too many servers already active"). Only when no
# JACK server runs at all on this machine is the registry itself cleared.
for f in /dev/shm/jack_pianola-test-* /dev/shm/jack_sem.*_pianola-test-*; do
  [ -e "$f" ] || continue
  pid=$(printf '%s\n' "$f" | sed -n 's/.*pianola-test-\([0-9]*\).*/\1/p')
  [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null && rm -f "$f"
done
if ! pgrep -x jackd >/dev/null 2>&1 && ! pgrep -x jackdbus >/dev/null 2>&1; then
  rm -f /dev/shm/jack-shm-registry /dev/shm/jack_db-*
fi

jackd "${mode[@]}" -n "$JACK_DEFAULT_SERVER" -d dummy -r 48000 -p "${PIANOLA_JACK_PERIOD:-64}" >"$log" 2>&1 &
jack_pid=$!
cleanup() {
  if kill "$jack_pid" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$jack_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$jack_pid" 2>/dev/null   # a server stuck on a dead client
    wait "$jack_pid" 2>/dev/null
  fi
  # What a killed server or a crashed client leaves behind (names carry our server's name).
  rm -f /dev/shm/jack_"$JACK_DEFAULT_SERVER"_* /dev/shm/jack_sem.*_"$JACK_DEFAULT_SERVER"_*
  [ -n "$keep_log" ] || rm -f "$log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! jack_wait -s "$JACK_DEFAULT_SERVER" -w -t 10 >/dev/null 2>&1 || ! kill -0 "$jack_pid" 2>/dev/null; then
  echo "run_with_jack: jackd did not start; its log:" >&2
  cat "$log" >&2
  exit 1
fi
"$@"
