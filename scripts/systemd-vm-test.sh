#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs the gateway's systemd units under a real systemd: boots Debian 12 with systemd as PID 1 in
# a container (systemd-nspawn -b), installs the two packages ./build.sh package made, and checks
# what the units promise, as an administrator would use them:
#   airgate-gateway and airgate-gateway@NAME start (Type=notify: active only after READY=1), as a
#   dynamic user with its state in /var/lib/airgate/NAME, sandboxed (no capabilities, no new
#   privileges, seccomp) and still serving (the entry point, the admin API's /api/status);
#   systemctl reload is a SIGHUP that publishes a new generation; journalctl -u has the gateway's
#   own log lines; stop is clean (exit 0, admin.json removed); a port below 1024 is refused as
#   shipped and served with the drop-in the README documents; dpkg --purge stops the running
#   units and removes their state.
# Needs root, debootstrap and systemd-container (systemd-nspawn); the first run debootstraps a
# Debian 12 root file system (network), later runs copy it (packages' dependencies cached too).
#   scripts/systemd-vm-test.sh [PACKAGES_DIR]     default build-release/packages
# AIRGATE_SYSTEMD_TEST_DIR (default build-release/systemd-test) holds the root file systems;
# AIRGATE_DEBIAN_MIRROR the mirror debootstrap and apt use. Exit status 0 when every check passed;
# the guest's report is printed and kept in $AIRGATE_SYSTEMD_TEST_DIR/report.txt.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PKGDIR=$(cd "${1:-$ROOT/build-release/packages}" && pwd)
WORK=${AIRGATE_SYSTEMD_TEST_DIR:-$ROOT/build-release/systemd-test}
MIRROR=${AIRGATE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
TIMEOUT=${AIRGATE_SYSTEMD_TEST_TIMEOUT:-300}
fail() { echo "systemd-vm-test: $*" >&2; exit 1; }
[[ $(id -u) == 0 ]] || fail "needs root (debootstrap, systemd-nspawn)"
for tool in debootstrap systemd-nspawn; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install debootstrap systemd-container)"
done
shopt -s nullglob
debs=("$PKGDIR"/airgate-gateway_*.deb "$PKGDIR"/airgate-console_*.deb)
((${#debs[@]} == 2)) || fail "expected airgate-gateway and airgate-console .debs in $PKGDIR"
mkdir -p "$WORK"

# --- the base system: Debian 12 with systemd, made once ---------------------------------------
BASE=$WORK/base
if [[ ! -e $BASE/.complete ]]; then
  echo "==> debootstrap Debian 12 into $BASE (once)"
  rm -rf "$BASE"
  debootstrap --variant=minbase \
    --include=systemd,systemd-sysv,dbus,curl,ca-certificates,procps,iproute2,libcap2-bin \
    bookworm "$BASE" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 || fail "debootstrap failed: see $WORK/debootstrap.log"
  touch "$BASE/.complete"
fi

# --- this run's system: a copy of the base with the packages installed ------------------------
GUEST=$WORK/guest
echo "==> installing ${debs[*]##*/} into a fresh copy of the base"
rm -rf "$GUEST"
cp -a "$BASE" "$GUEST"
mkdir -p "$GUEST/root/packages" "$WORK/apt-archives/partial"
cp "${debs[@]}" "$GUEST/root/packages/"
echo "airgate-test" >"$GUEST/etc/hostname"
# apt with the host's network (not booted: nspawn runs one command); downloads are kept for the
# next run in apt-archives.
systemd-nspawn -q -D "$GUEST" --register=no --keep-unit --resolv-conf=replace-host --bind="$WORK/apt-archives:/var/cache/apt/archives" \
  --setenv=DEBIAN_FRONTEND=noninteractive sh -c \
  'apt-get update -qq && apt-get install -y -qq --no-install-recommends /root/packages/*.deb >/dev/null' \
  >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "installing the packages failed"; }

# The checks run inside, as a unit ordered after the boot, then power the guest off.
install -m 0755 /dev/stdin "$GUEST/usr/local/sbin/airgate-systemd-check" <<'CHECK'
#!/bin/bash
# Runs inside the booted guest as root (airgate-systemd-check.service).
set -u
REPORT=/root/report.txt
exec > >(tee "$REPORT") 2>&1
passed=0
failed=0
ok() { echo "ok   - $*"; passed=$((passed + 1)); }
bad() { echo "FAIL - $*"; failed=$((failed + 1)); }
check() { # WHAT COMMAND…
  local what=$1
  shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
prop() { systemctl show -P "$2" "$1"; }
state_of() { echo "$(prop "$1" ActiveState)/$(prop "$1" SubState)"; }
admin_of() { grep -o '"admin":"[^"]*"' "/var/lib/airgate/$1/admin.json" | cut -d'"' -f4; }
status_of() { # NAME: the admin API's /api/status
  curl -sf -H "Authorization: Bearer $(cat "/var/lib/airgate/$1/admin.token")" "http://$(admin_of "$1")/api/status"
}
generation_of() { status_of "$1" | grep -o '"generation":[0-9]*' | head -1 | cut -d: -f2; }
weather() { # PORT → HTTP status of the example's API with its key
  curl -s -o /dev/null -w '%{http_code}' -H 'Host: weather.example.com' \
    -H 'Authorization: Bearer secret-api-key' "http://127.0.0.1:$1/weather"
}
journal_of() { journalctl -q -o cat --no-pager -u "$1"; }
new_workspace() { # NAME WEB_PORT PORTAL_PORT
  mkdir -p /etc/airgate
  rm -rf "/etc/airgate/$1"
  cp -r /usr/share/airgate/examples/weather "/etc/airgate/$1"
  sed -i "s/127.0.0.1:8800/127.0.0.1:$2/; s/127.0.0.1:8890/127.0.0.1:$3/" "/etc/airgate/$1/airgate.yaml"
}
section() { echo; echo "# $*"; }

echo "systemd $(systemctl --version | head -1 | cut -d' ' -f2), PID 1 $(cat /proc/1/comm)," \
  "$(systemd-detect-virt), kernel $(uname -r)"

section "airgate-gateway.service serves /etc/airgate/default"
new_workspace default 8800 8890
check "systemctl enable --now airgate-gateway succeeds" systemctl enable --now airgate-gateway
check "active (running): READY=1 reached systemd (Type=$(prop airgate-gateway Type))" \
  test "$(state_of airgate-gateway)" = active/running -a "$(prop airgate-gateway Type)" = notify
echo "     StatusText: $(prop airgate-gateway StatusText)"
check "its status text comes from the gateway (sd_notify STATUS=)" \
  grep -q '^Serving' <<<"$(prop airgate-gateway StatusText)"
pid=$(prop airgate-gateway MainPID)
user=$(ps -o user= -p "$pid" | tr -d ' ')
uid=$(ps -o uid= -p "$pid" | tr -d ' ')
echo "     MainPID $pid, user $user ($uid)"
check "runs as a dynamic user (uid $uid in 61184–65519)" test "$uid" -ge 61184 -a "$uid" -le 65519
check "StateDirectory: /var/lib/airgate/default is the dynamic user's, mode 700" \
  test "$(stat -L -c '%u %a' /var/lib/airgate/default)" = "$uid 700"
check "the state folder holds admin.token and admin.json" \
  test -s /var/lib/airgate/default/admin.token -a -s /var/lib/airgate/default/admin.json
caps=$(awk '/^CapEff/{print $2}' "/proc/$pid/status")
check "no capabilities (CapEff $caps), NoNewPrivs, seccomp filter" \
  test "$caps" = 0000000000000000 -a "$(awk '/^NoNewPrivs/{print $2}' "/proc/$pid/status")" = 1 \
  -a "$(awk '/^Seccomp:/{print $2}' "/proc/$pid/status")" = 2
check "ProtectSystem=strict: in its mount namespace /etc/airgate is read-only" \
  sh -c "! nsenter -t $pid -m touch /etc/airgate/default/.probe 2>/dev/null"
check "… and its state folder writable" nsenter -t "$pid" -m touch /var/lib/airgate/default/.probe
rm -f /var/lib/airgate/default/.probe
check "the entry point answers the example's API: 200" test "$(weather 8800)" = 200
check "without the key: 401" test "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: weather.example.com' \
  http://127.0.0.1:8800/weather)" = 401
st=$(status_of default)
check "the admin API's /api/status answers with the token" test -n "$st"
echo "     /api/status: ${st:0:200}…"

section "systemctl reload airgate-gateway"
gen0=$(generation_of default)
check "systemctl reload succeeds" systemctl reload airgate-gateway
gen1=$gen0
for _ in $(seq 100); do
  gen1=$(generation_of default)
  [[ $gen1 != "$gen0" ]] && break
  sleep 0.1
done
check "SIGHUP published a new generation ($gen0 → $gen1)" test "$gen1" = $((gen0 + 1))
check "still active (running) after the reload (RELOADING=1, READY=1)" test "$(state_of airgate-gateway)" = active/running
check "same process after the reload" test "$(prop airgate-gateway MainPID)" = "$pid"
check "the entry point still answers 200" test "$(weather 8800)" = 200

section "journalctl -u airgate-gateway"
journal_of airgate-gateway | tail -n 15 | sed 's/^/     | /'
check "the journal has the gateway's start-up lines (its routes)" grep -q 'route' <(journal_of airgate-gateway)
check "the journal has the reload (SIGHUP)" grep -qi 'SIGHUP\|reload' <(journal_of airgate-gateway)

section "airgate-gateway@second.service serves /etc/airgate/second beside it"
new_workspace second 8801 8891
check "systemctl start airgate-gateway@second succeeds" systemctl start airgate-gateway@second
check "active (running)" test "$(state_of airgate-gateway@second)" = active/running
check "its entry point answers 200" test "$(weather 8801)" = 200
check "its own state folder /var/lib/airgate/second" test -s /var/lib/airgate/second/admin.token
check "its admin API answers" test -n "$(status_of second)"
check "systemctl reload airgate-gateway@second succeeds" systemctl reload airgate-gateway@second
uid2=$(ps -o uid= -p "$(prop airgate-gateway@second MainPID)" | tr -d ' ')
check "its own dynamic user ($uid2, not $uid)" test -n "$uid2" -a "$uid2" != "$uid"
check "which cannot read the other gateway's admin token" \
  sh -c "! setpriv --reuid=$uid2 --regid=$uid2 --clear-groups cat /var/lib/airgate/default/admin.token >/dev/null 2>&1"

section "systemctl stop airgate-gateway"
check "systemctl stop succeeds" systemctl stop airgate-gateway
check "inactive (dead), Result=success, exit status 0" test "$(state_of airgate-gateway)" = inactive/dead \
  -a "$(prop airgate-gateway Result)" = success -a "$(prop airgate-gateway ExecMainStatus)" = 0
left=$(ps -o pid=,user=,args= -u "$uid" 2>/dev/null)
check "no process of its left" test -z "$left"
[[ -z $left ]] || echo "     left: $left"
check "admin.json removed, admin.token and the last good snapshot kept" \
  test ! -e /var/lib/airgate/default/admin.json -a -d /var/lib/airgate/default/last-good
check "the journal shows the drain (STOPPING)" grep -qi 'stop\|drain' <(journal_of airgate-gateway)
journal_of airgate-gateway | tail -n 4 | sed 's/^/     | /'

section "a port below 1024 (entry point 127.0.0.1:80)"
new_workspace low 80 8892
systemctl start airgate-gateway@low >/dev/null 2>&1
check "as shipped (no capability), the gateway refuses to start" test "$(prop airgate-gateway@low ActiveState)" != active
journal_of airgate-gateway@low | grep -i 'denied\|cannot\|permission' | tail -n 2 | sed 's/^/     | /'
systemctl stop airgate-gateway@low >/dev/null 2>&1
systemctl reset-failed airgate-gateway@low >/dev/null 2>&1
mkdir -p /etc/systemd/system/airgate-gateway@low.service.d
printf '[Service]\nAmbientCapabilities=CAP_NET_BIND_SERVICE\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n' \
  >/etc/systemd/system/airgate-gateway@low.service.d/port.conf
systemctl daemon-reload
check "with the documented drop-in, airgate-gateway@low starts" systemctl start airgate-gateway@low
check "port 80 answers 200" test "$(weather 80)" = 200
lowpid=$(prop airgate-gateway@low MainPID)
check "and it holds CAP_NET_BIND_SERVICE only ($(awk '/^CapEff/{print $2}' "/proc/$lowpid/status"))" \
  test "$(awk '/^CapEff/{print $2}' "/proc/$lowpid/status")" = 0000000000000400

section "dpkg --purge with gateways running"
check "dpkg --purge airgate-console airgate-gateway succeeds" \
  env DEBIAN_FRONTEND=noninteractive dpkg --purge airgate-console airgate-gateway
check "no gateway is left running" test -z "$(pgrep -x airgatectl)"
check "their state is removed (/var/lib/airgate, /var/lib/private/airgate)" \
  test ! -e /var/lib/airgate -a ! -e /var/lib/private/airgate
check "the workspaces in /etc/airgate stay" test -f /etc/airgate/default/airgate.yaml

echo
echo "AIRGATE-SYSTEMD-CHECK: $passed passed, $failed failed"
echo "$failed" >/root/failed
systemctl --no-block poweroff
CHECK

cat >"$GUEST/etc/systemd/system/airgate-systemd-check.service" <<'UNIT'
[Unit]
Description=Checks of the Airgate gateway's units
After=multi-user.target

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/airgate-systemd-check
StandardOutput=journal+console
StandardError=journal+console

[Install]
WantedBy=multi-user.target
UNIT
mkdir -p "$GUEST/etc/systemd/system/multi-user.target.wants"
ln -sf ../airgate-systemd-check.service "$GUEST/etc/systemd/system/multi-user.target.wants/"

# --- boot ---------------------------------------------------------------------------------------
echo "==> booting the guest (systemd-nspawn -b, private network; at most ${TIMEOUT}s)"
rm -f "$GUEST/root/failed" "$WORK/report.txt"
timeout "$TIMEOUT" systemd-nspawn -q -b -D "$GUEST" --private-network --console=pipe --register=no --keep-unit \
  --machine="airgate-test-$$" >"$WORK/console.log" 2>&1 </dev/null || true
[[ -f $GUEST/root/report.txt ]] || { tail -n 40 "$WORK/console.log"; fail "the checks did not run: see $WORK/console.log"; }
cp "$GUEST/root/report.txt" "$WORK/report.txt"
cat "$WORK/report.txt"
[[ $(cat "$GUEST/root/failed" 2>/dev/null) == 0 ]] || fail "some checks failed (report: $WORK/report.txt)"
echo "==> the units work under systemd"
