#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs COMMAND in a private D-Bus session with an unlocked gnome-keyring: the Secret Service that
# QtKeychain uses on Linux desktops. The keyring lives in the test's own XDG_DATA_HOME. With the
# keyring up, PIANOLA_REQUIRE_KEYCHAIN=1 tells the test that a failing keychain is a failure, not
# a skip. Without dbus-run-session or gnome-keyring-daemon (a user's machine may lack them),
# COMMAND runs as it is and the keychain test checks the failure sentence, then skips.
# Usage: tests/llm/run_with_keyring.sh COMMAND [ARGS...]
set -u
[ $# -ge 1 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "run_with_keyring: dbus-run-session or gnome-keyring-daemon missing; running without a keyring" >&2
  exec "$@"
fi
runtime=$(mktemp -d "${TMPDIR:-/tmp}/pianola-keyring.XXXXXX")
trap 'rm -rf "$runtime"' EXIT
export XDG_RUNTIME_DIR=$runtime
dbus-run-session -- bash -c '
  # --unlock reads the password from stdin; it creates the "login" keyring the first time.
  if printf "pianola-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; then
    export PIANOLA_REQUIRE_KEYCHAIN=1
  else
    echo "run_with_keyring: gnome-keyring-daemon did not start" >&2
  fi
  exec "$@"' run_with_keyring "$@"
