#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Refreshes the console's README screenshots from the real window: the console on Xvfb with the
# openbox window manager, pictures taken from the X screen (window frame included), on a copy of
# the example workspace with the gateway running and some traffic through it.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (needs xvfb, openbox, curl)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
AIRGATE=$BUILD/app/console/airgate
OUT=docs/screenshots
TMP=$(mktemp -d /tmp/airgate-shots.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$TMP"' EXIT
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/home/.config XDG_DATA_HOME=$TMP/home/.local/share
export XDG_RUNTIME_DIR=$TMP/runtime QT_QPA_PLATFORM=xcb LANG=C.UTF-8
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS

n=$(for i in $(seq 150 199); do [[ -e /tmp/.X11-unix/X$i ]] || { echo "$i"; break; }; done)
Xvfb ":$n" -screen 0 1400x950x24 -nolisten tcp >/dev/null 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do [[ -e /tmp/.X11-unix/X$n ]] && break; sleep 0.1; done
export DISPLAY=:$n
openbox >/dev/null 2>&1 &
PIDS+=($!)
sleep 0.5

WS=$TMP/weather
cp -r resources/examples/weather "$WS"
chmod -R u+w "$WS"
WEB=18800
sed -i "s/127.0.0.1:8800/127.0.0.1:$WEB/" "$WS/airgate.yaml"

shot() { "$AIRGATE" --screenshot "$@" "$WS"; }
shot "$OUT/main-window.png" --size 1280x800 --select 'API|apps|weather-api'
shot "$OUT/settings.png" --size 1280x800 --select '#settings'

# A CEL rule's message on its field: the plan's rate period out of its range.
sed -i 's/period: 1s/period: 3h/' "$WS/plans/standard-plan.yaml"
shot "$OUT/editor-problem.png" --size 1280x800 --select 'APIPlan|apps|standard-plan' --problem 0
sed -i 's/period: 3h/period: 1s/' "$WS/plans/standard-plan.yaml"

# The gateway panel with traffic: the partner key ("secret-api-key") and one request without it.
(
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$WEB/weather" -H 'Host: weather.example.com' && break
    sleep 0.2
  done
  for i in $(seq 1 40); do
    if ((i % 9 == 0)); then
      curl -s -o /dev/null "http://127.0.0.1:$WEB/weather" -H 'Host: weather.example.com'
    else
      curl -s -o /dev/null "http://127.0.0.1:$WEB/weather?city=Lyon" -H 'Host: weather.example.com' \
        -H 'Authorization: Bearer secret-api-key'
    fi
    sleep 0.15
  done
) &
PIDS+=($!)
shot "$OUT/gateway-panel.png" --size 1280x800 --select 'API|apps|weather-api' --gateway --wait 9000
echo "written: $OUT/main-window.png $OUT/settings.png $OUT/editor-problem.png $OUT/gateway-panel.png"
