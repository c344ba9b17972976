#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The real console on a real X server with a window manager (Xvfb + openbox), driven by xdotool:
#   1. F5 in the console's window starts the gateway: its entry point answers;
#   2. kill -9 of the console closes the gateway's port within 2 s (the child does not outlive it);
#   3. a second `airgatectl serve` on an address a first one serves exits 2 with
#      "127.0.0.1:PORT is already in use by another process".
# Usage: console-xvfb.sh AIRGATE AIRGATECTL EXAMPLE_WORKSPACE
# Exit 77 (ctest: skipped) when Xvfb, openbox or xdotool is missing or Xvfb cannot start.
set -uo pipefail
AIRGATE=$1
AIRGATECTL=$2
EXAMPLE=$3
SKIP=77

for tool in Xvfb openbox xdotool; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (Debian: xvfb openbox xdotool; ./build.sh test installs them)"
    exit $SKIP
  fi
done

TMP=$(mktemp -d /tmp/airgate-e2e.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*"
  [[ -s $TMP/console.log ]] && { echo "--- console output"; tail -n 40 "$TMP/console.log"; }
  exit 1
}

# A private user: settings, journals and gateway state go to the temporary folder.
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/home/.config XDG_DATA_HOME=$TMP/home/.local/share
export XDG_CACHE_HOME=$TMP/home/.cache XDG_STATE_HOME=$TMP/home/.local/state
export XDG_RUNTIME_DIR=$TMP/runtime
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM WAYLAND_DISPLAY
export QT_QPA_PLATFORM=xcb

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 30000))
    listening "$p" || { echo "$p"; return; }
  done
  return 1
}
now_ms() { date +%s%3N; }

# ---- the X server and the window manager
DISPLAY_NO=""
for n in $(seq 90 140); do
  [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] && continue
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
  XPID=$!
  for _ in $(seq 1 50); do
    [[ -e /tmp/.X11-unix/X$n ]] && break
    kill -0 "$XPID" 2>/dev/null || break
    sleep 0.1
  done
  if [[ -e /tmp/.X11-unix/X$n ]] && kill -0 "$XPID" 2>/dev/null; then
    DISPLAY_NO=$n
    PIDS+=("$XPID")
    break
  fi
  kill "$XPID" 2>/dev/null
done
if [[ -z $DISPLAY_NO ]]; then
  echo "SKIP: Xvfb could not start: $(tail -n 3 "$TMP/xvfb.log" 2>/dev/null)"
  exit $SKIP
fi
export DISPLAY=:$DISPLAY_NO
openbox >"$TMP/openbox.log" 2>&1 &
PIDS+=($!)
sleep 0.5

# ---- a workspace on free ports
WS=$TMP/weather
cp -r "$EXAMPLE" "$WS"
chmod -R u+w "$WS"
WEB=$(free_port) || fail "no free port"
PORTAL=$(free_port) || fail "no free port"
sed -i "s/127.0.0.1:8800/127.0.0.1:$WEB/; s/127.0.0.1:8890/127.0.0.1:$PORTAL/" "$WS/airgate.yaml"
grep -q "127.0.0.1:$WEB" "$WS/airgate.yaml" || fail "could not set the entry point address"

# ---- 1. the console, F5
"$AIRGATE" "$WS" >"$TMP/console.log" 2>&1 &
CONSOLE=$!
disown "$CONSOLE" # its kill -9 is the test, not news
PIDS+=("$CONSOLE")
WID=$(timeout 30 xdotool search --sync --onlyvisible --name "weather.*Airgate" | head -n 1)
[[ -n $WID ]] || fail "the console's window did not appear"
echo "console pid $CONSOLE, window $WID on $DISPLAY"
sleep 1 # the first layout and the leftover check
xdotool windowactivate --sync "$WID" 2>/dev/null || xdotool windowfocus --sync "$WID"
xdotool key --clearmodifiers F5
for _ in $(seq 1 300); do
  listening "$WEB" && break
  sleep 0.1
done
listening "$WEB" || fail "F5 did not start the gateway on 127.0.0.1:$WEB"
GATEWAY=""
for stat in /proc/[0-9]*/stat; do
  { read -r pid _ _ ppid _ <"$stat"; } 2>/dev/null || continue
  [[ $ppid == "$CONSOLE" ]] && grep -q airgatectl "/proc/$pid/cmdline" 2>/dev/null && GATEWAY=$pid
done
[[ -n $GATEWAY ]] || fail "no airgatectl child of the console"
echo "F5: gateway pid $GATEWAY serves 127.0.0.1:$WEB"

# ---- 2. kill -9 of the console: the port closes within 2 s
kill -9 "$CONSOLE"
START=$(now_ms)
while listening "$WEB"; do
  (( $(now_ms) - START > 2000 )) && fail "127.0.0.1:$WEB still served 2 s after kill -9 of the console"
  sleep 0.05
done
CLOSED=$(( $(now_ms) - START ))
echo "kill -9: port closed after ${CLOSED} ms"
for _ in $(seq 1 40); do kill -0 "$GATEWAY" 2>/dev/null || break; sleep 0.05; done
kill -0 "$GATEWAY" 2>/dev/null && fail "the gateway process $GATEWAY outlived the console"

# ---- 3. two `airgatectl serve` on one address: the second exits 2 with the message
"$AIRGATECTL" serve --path "$WS" --state "$TMP/state1" >"$TMP/serve1.log" 2>&1 &
FIRST=$!
PIDS+=("$FIRST")
for _ in $(seq 1 300); do listening "$WEB" && break; sleep 0.1; done
listening "$WEB" || fail "airgatectl serve did not listen on 127.0.0.1:$WEB: $(tail -n 5 "$TMP/serve1.log")"
timeout 20 "$AIRGATECTL" serve --path "$WS" --state "$TMP/state2" >"$TMP/serve2.log" 2>&1
STATUS=$?
[[ $STATUS == 2 ]] || fail "the second serve exited $STATUS, not 2: $(cat "$TMP/serve2.log")"
grep -q "127.0.0.1:$WEB is already in use by another process" "$TMP/serve2.log" \
  || fail "the second serve did not say why: $(cat "$TMP/serve2.log")"
echo "second serve: exit 2: $(grep -m1 'already in use' "$TMP/serve2.log")"
listening "$WEB" || fail "the first serve stopped serving"
echo "PASS"
