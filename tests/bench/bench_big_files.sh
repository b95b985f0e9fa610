#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Peak memory (not time) of pianola-cli on big and hostile files, with /usr/bin/time -v:
#   info on 10^7 notes (refused: over the plan's 8,000,000), info and convert on exactly 8,000,000
#   notes (accepted), render of a file declaring a day of music (refused), and a 20-minute render
#   (streamed to disk: memory independent of the length).
# Usage: bench_big_files.sh PIANOLA_CLI    (a benchmark: prints figures, never fails on them)
set -uo pipefail
cli=${1:?usage: bench_big_files.sh PIANOLA_CLI}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$tmp" <<'PY'
import struct, sys
tmp = sys.argv[1]
def vlq(v):
    out = [v & 0x7F]; v >>= 7
    while v: out.append(0x80 | (v & 0x7F)); v >>= 7
    return bytes(reversed(out))
def smf(track, fmt=0, div=96):
    return b'MThd' + struct.pack('>IHHH', 6, fmt, 1, div) + b'MTrk' + struct.pack('>I', len(track)) + track
def notes(n):   # note-on, then running status: off, on, off, ... (6 bytes a note)
    return smf(b'\x00\x90\x3c\x40' + b'\x00\x3c\x00\x00\x3c\x40' * (n - 1) + b'\x00\x3c\x00' + b'\x00\xff\x2f\x00')
open(f'{tmp}/notes-10M.mid', 'wb').write(notes(10_000_000))
open(f'{tmp}/notes-8M.mid', 'wb').write(notes(8_000_000))
open(f'{tmp}/day.mid', 'wb').write(smf(b'\x00\x90\x3c\x40' + vlq(86400 * 2 * 96) + b'\xff\x2f\x00'))
# 20 minutes at 120 bpm: one note a beat (2,400 notes)
beats = b''.join(b'\x00\x90\x3c\x40\x60\x80\x3c\x40' for _ in range(2400))
open(f'{tmp}/20min.mid', 'wb').write(smf(beats + b'\x00\xff\x2f\x00'))
PY
peak() {   # peak RSS in MB, exit status, and the last line of stderr of: pianola-cli ARGS...
  local label=$1; shift
  /usr/bin/time -v "$cli" "$@" >/dev/null 2>"$tmp/err.txt"
  local rss status
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/err.txt")
  status=$(sed -n 's/.*Exit status: //p' "$tmp/err.txt")
  printf '%-40s peak %7.1f MB  exit %s  %s\n' "$label" "$(echo "$rss / 1024" | bc -l)" "${status:-?}" \
    "$(grep -v -E '^\s|Command exited' "$tmp/err.txt" | tail -1 | cut -c1-110)"
}
ls -la "$tmp"/*.mid | awk '{printf "%-12s %s bytes\n", $9, $5}' | sed "s|$tmp/||"
peak "info, 10^7 notes (refused)" info "$tmp/notes-10M.mid"
peak "convert, 10^7 notes (refused)" convert "$tmp/notes-10M.mid" -o "$tmp/out.json"
peak "info, 8,000,000 notes" info "$tmp/notes-8M.mid"
peak "convert to .mid, 8,000,000 notes" convert "$tmp/notes-8M.mid" -o "$tmp/out.mid"
peak "notes --count, 8,000,000 notes" notes --count "$tmp/notes-8M.mid"
peak "render, a day declared (refused)" render --quiet "$tmp/day.mid" -o "$tmp/day.wav"
peak "render, 20 minutes (streamed)" render --quiet "$tmp/20min.mid" -o "$tmp/20min.wav"
ls -la "$tmp/20min.wav" 2>/dev/null | awk '{printf "20min.wav: %d bytes\n", $5}'
