#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Refreshes the console's README screenshots from the real window: the console on Xvfb with the
# openbox window manager, pictures taken from the X screen (window frame included), on a copy of
# the example workspace with the gateway running and some traffic through it.
# The key dialogs are opened in the running console with the keyboard (xdotool), on a real
# keychain (gnome-keyring on a private D-Bus session), and taken from the X server with xwd.
# Usage: scripts/screenshots.sh [BUILD_DIR]
# Needs (Debian): xvfb openbox xdotool curl x11-apps x11-utils netpbm dbus gnome-keyring; missing ones are
# installed with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
NEEDED=(xvfb openbox xdotool curl x11-apps x11-utils netpbm dbus gnome-keyring)
missing=()
for p in "${NEEDED[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
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
# The first picture came out black when it was taken before openbox managed the screen: wait
# until the window manager announces itself on the root window.
for _ in $(seq 1 100); do
  xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break
  sleep 0.1
done
sleep 0.5

WS=$TMP/weather
cp -r resources/examples/weather "$WS"
chmod -R u+w "$WS"
WEB=18800
sed -i "s/127.0.0.1:8800/127.0.0.1:$WEB/" "$WS/airgate.yaml"

# A picture of one colour (an unpainted window) is an error, not a screenshot.
check() {
  local colours
  colours=$(pngtopnm "$1" | ppmhist -noheader 2>/dev/null | awk 'END { print NR }')
  ((colours > 1)) || { echo "$1: the picture is of one colour; not keeping it" >&2; exit 1; }
}
shot() { "$AIRGATE" --screenshot "$@" "$WS" && check "$1"; }
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

# The API key dialogs, as an operator opens them: the console on the partner application, Ctrl+K
# (API keys…), Alt+G (Generate…), a title, Enter; the new key is stored in the keychain and shown
# once. Each dialog is taken from the X server with its openbox frame (xwd).
dbus-run-session -- scripts/with-keyring.sh bash -s "$AIRGATE" "$WS" "$OUT" <<'KEYS'
set -euo pipefail
AIRGATE=$1 WS=$2 OUT=$3
TMPDIR_SHOT=$(mktemp -d)
ROOT=$(xwininfo -root | awk '/Window id:/ {print $4}')
geometry() { # absolute x, y, width, height of a window
  xwininfo -id "$1" | awk '/Absolute upper-left X:/ {x=$4} /Absolute upper-left Y:/ {y=$4}
    /Width:/ {w=$2} /Height:/ {h=$2} END {print x, y, w, h}'
}
xshot() { # the window with its openbox frame (the ancestor whose parent is the root)
  local id=$1 frame=$1 parent fx fy fw fh cx cy cw ch
  while parent=$(xwininfo -tree -id "$frame" | awk '/Parent window id:/ {print $4}') \
    && [[ -n $parent && $parent != "$ROOT" ]]; do
    frame=$parent
  done
  read -r fx fy fw fh <<<"$(geometry "$frame")"
  read -r cx cy cw ch <<<"$(geometry "$id")"
  # The frame as the screen shows it, and the dialog's own pixels (which a capture of the
  # screen leaves black on Xvfb) pasted in where they belong.
  xwd -silent -root | xwdtopnm 2>/dev/null \
    | pamcut -left "$fx" -top "$fy" -width "$fw" -height "$fh" >"$TMPDIR_SHOT/frame.ppm"
  xwd -silent -id "$id" | xwdtopnm 2>/dev/null >"$TMPDIR_SHOT/client.ppm"
  pnmpaste "$TMPDIR_SHOT/client.ppm" $((cx - fx)) $((cy - fy)) "$TMPDIR_SHOT/frame.ppm" | pnmtopng >"$2"
}
window() { # the newest visible window whose title matches $1
  local id=""
  for _ in $(seq 1 100); do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | tail -n 1) && [[ -n $id ]] && break
    sleep 0.1
  done
  [[ -n $id ]] || { echo "no window \"$1\"" >&2; return 1; }
  echo "$id"
}
"$AIRGATE" --select 'ManagedApplication|apps|partner-app' "$WS" >/dev/null 2>&1 &
CONSOLE=$!
trap 'kill "$CONSOLE" 2>/dev/null || true; rm -rf "$TMPDIR_SHOT"' EXIT
MAIN=$(window 'weather.*Airgate')
sleep 1
xdotool windowactivate --sync "$MAIN" 2>/dev/null || xdotool windowfocus --sync "$MAIN"
xdotool key --clearmodifiers ctrl+k
KEYS_ID=$(window '^API keys of apps/partner-app$')
xdotool windowactivate --sync "$KEYS_ID" 2>/dev/null || true
sleep 0.3
xdotool key --clearmodifiers alt+g
ASK=$(window '^New API key$')
xdotool windowactivate --sync "$ASK" 2>/dev/null || true
sleep 0.3
xdotool type --delay 20 'partner laptop'
xdotool key Return
# The dialog that shows the key has the same title as the question: wait for a new window.
NEW=""
for _ in $(seq 1 100); do
  NEW=$(xdotool search --onlyvisible --name '^New API key$' 2>/dev/null | grep -vx "$ASK" | tail -n 1) && [[ -n $NEW ]] && break
  sleep 0.1
done
[[ -n $NEW ]] || { echo "the new key was not shown" >&2; exit 1; }
sleep 0.7
xshot "$NEW" "$OUT/key-dialog.png"
xdotool windowactivate --sync "$NEW" 2>/dev/null || true
xdotool key Escape
sleep 0.7
xshot "$KEYS_ID" "$OUT/keys-dialog.png"
KEYS
for f in key-dialog keys-dialog; do check "$OUT/$f.png"; done
echo "written: $OUT/main-window.png $OUT/settings.png $OUT/editor-problem.png $OUT/gateway-panel.png $OUT/key-dialog.png $OUT/keys-dialog.png"
