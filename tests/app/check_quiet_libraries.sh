#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# JACK's and ALSA's own messages do not reach stderr: `pianola-cli ports` against a JACK server
# that does not exist makes libjack complain ("Cannot connect to server socket"), and RtMidi print
# its failed constructor. Pianola's own sentence stays; the libraries' lines go to the
# "pianola.system" logging category, which shows them when enabled.
# Usage: check_quiet_libraries.sh PIANOLA_CLI
set -u
cli=$1
export JACK_DEFAULT_SERVER="pianola-no-such-server-$$" JACK_NO_START_SERVER=1
err=$("$cli" ports --api jack 2>&1 >/dev/null)
fail=0
for noise in "Cannot connect to server" "jack server is not running" "JackShmReadWritePtr" "MidiOutJack::initialize"; do
  # Pianola's own line quotes RtMidi's message after "pianola-cli ports: jack: "; only bare lines count.
  if printf '%s\n' "$err" | grep -v '^pianola-cli ports:' | grep -q "$noise"; then
    echo "FAIL: '$noise' reached stderr:"; printf '%s\n' "$err"; fail=1
  fi
done
printf '%s\n' "$err" | grep -q '^pianola-cli ports: jack: ' || { echo "FAIL: Pianola's own sentence is missing:"; printf '%s\n' "$err"; fail=1; }
shown=$(QT_LOGGING_RULES="pianola.system.debug=true" "$cli" ports --api jack 2>&1 >/dev/null)
printf '%s\n' "$shown" | grep -q '^pianola.system: JACK: ' || { echo "FAIL: enabled, the category shows nothing of JACK:"; printf '%s\n' "$shown"; fail=1; }
[ $fail = 0 ] && echo "quiet: the libraries' messages are in pianola.system only"
exit $fail
