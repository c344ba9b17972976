#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs a command with an unlocked gnome-keyring on the current D-Bus session, in a throwaway HOME.
# Usage: dbus-run-session -- scripts/with-keyring.sh COMMAND...
set -e
export AIRGATE_REAL_HOME="${HOME:-}"
HOME="$(mktemp -d /tmp/airgate-keyring.XXXXXX)"
export HOME
if command -v gnome-keyring-daemon >/dev/null; then
  eval "$(printf 'airgate-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL
fi
export AIRGATE_REQUIRE_KEYCHAIN=1
status=0
"$@" || status=$?
rm -rf "$HOME"
exit $status
