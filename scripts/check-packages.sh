#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Checks the Debian packages cpack wrote to DIR (./build.sh package runs it):
#   lintian             0 errors, 0 warnings (overrides only from installer/debian/*.lintian-overrides)
#   binaries            stripped, each with its .debug file (matching build-id) in the -dbgsym package
#   desktop-file-validate, appstreamcli validate --no-net   on the shipped desktop entry and metainfo
#   systemd-analyze verify   on the shipped units (ExecStart pointed at the extracted airgatectl)
#   contents            man pages, completions, icons 16-512 px, manual, copyright, changelog.gz
# --install additionally installs both with dpkg -i, runs what an administrator would, verifies
# the installed units, then purges both and checks that no file they installed is left.
set -euo pipefail
DIR=${1:?usage: check-packages.sh DIR [--install]}
INSTALL=${2:-}
shopt -s nullglob
fail() { echo "check-packages: $*" >&2; exit 1; }
one() { (($# == 1)) || fail "expected one file, found: ${*:-none}"; echo "$1"; }
gateway=$(one "$DIR"/airgate-gateway_*.deb)
console=$(one "$DIR"/airgate-console_*.deb)
gateway_dbg=$(one "$DIR"/airgate-gateway-dbgsym_*.ddeb)
console_dbg=$(one "$DIR"/airgate-console-dbgsym_*.ddeb)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "==> lintian"
# lintian reads .deb names only: the -dbgsym packages are checked under that extension.
cp "$gateway_dbg" "$WORK/airgate-gateway-dbgsym.deb"
cp "$console_dbg" "$WORK/airgate-console-dbgsym.deb"
lintian --fail-on error,warning --display-info --show-overrides --tag-display-limit 0 \
  "$gateway" "$console" "$WORK/airgate-gateway-dbgsym.deb" "$WORK/airgate-console-dbgsym.deb" \
  | tee "$WORK/lintian.txt"
errors=$(grep -c '^E: ' "$WORK/lintian.txt" || true)
warnings=$(grep -c '^W: ' "$WORK/lintian.txt" || true)
echo "lintian: $errors errors, $warnings warnings, $(grep -c '^I: ' "$WORK/lintian.txt" || true) info," \
  "$(grep -c '^O: ' "$WORK/lintian.txt" || true) overridden"
((errors == 0 && warnings == 0)) || fail "lintian found errors or warnings"

echo "==> contents"
for p in gateway console gateway_dbg console_dbg; do
  mkdir -p "$WORK/$p"
  dpkg-deb -x "${!p}" "$WORK/$p"
done
need() { [[ -e $WORK/$1 ]] || fail "missing from the package: ${1#*/}"; }
for f in usr/bin/airgatectl usr/share/man/man1/airgatectl.1.gz \
  usr/share/bash-completion/completions/airgatectl usr/share/zsh/vendor-completions/_airgatectl \
  usr/share/fish/vendor_completions.d/airgatectl.fish usr/share/airgate/examples/weather/airgate.yaml \
  lib/systemd/system/airgate-gateway.service lib/systemd/system/airgate-gateway@.service \
  usr/share/doc/airgate-gateway/copyright usr/share/doc/airgate-gateway/changelog.gz; do
  need "gateway/$f"
done
for f in usr/bin/airgate usr/share/man/man1/airgate.1.gz usr/share/applications/io.airgate.Airgate.desktop \
  usr/share/metainfo/io.airgate.Airgate.metainfo.xml usr/share/icons/hicolor/scalable/apps/airgate.svg \
  usr/share/airgate/manual/index.html usr/share/doc/airgate-console/copyright \
  usr/share/doc/airgate-console/changelog.gz; do
  need "console/$f"
done
for size in 16 22 24 32 48 64 128 256 512; do
  png=$WORK/console/usr/share/icons/hicolor/${size}x${size}/apps/airgate.png
  [[ -f $png ]] || fail "no ${size}x${size} icon"
  file -b "$png" | grep -q "PNG image data, $size x $size," || fail "$png is not ${size}x${size}: $(file -b "$png")"
done
# Every image and local link of the manual resolves inside the package.
manual=$WORK/console/usr/share/airgate/manual
for ref in $(grep -o -E '(src|href)="[^"#:]+"' "$manual/index.html" | sed -E 's/^(src|href)="//; s/"$//' | sort -u); do
  case $ref in ../*) continue ;; esac   # links to the source tree's siblings (../shared)
  [[ -e $manual/$ref ]] || fail "the manual refers to $ref, which is not shipped"
done
grep -q 'id="command-reference"' "$manual/index.html" || fail "the manual has no command reference"

echo "==> stripped binaries and their debug symbols"
for p in gateway console; do
  for bin in "$WORK/$p"/usr/bin/*; do
    file -b "$bin" | grep -q ', stripped' || fail "$bin is not stripped: $(file -b "$bin")"
    id=$(readelf -n "$bin" | sed -n 's/.*Build ID: //p')
    [[ -n $id ]] || fail "$bin has no build-id"
    dbg=$WORK/${p}_dbg/usr/lib/debug/.build-id/${id:0:2}/${id:2}.debug
    [[ -f $dbg ]] || fail "no debug symbols for $(basename "$bin") (build-id $id)"
    readelf -S "$dbg" 2>/dev/null | grep -q '\.debug_info' || fail "$dbg holds no .debug_info"
    printf '%s: stripped, %s MB; symbols %s MB in %s\n' "$(basename "$bin")" \
      "$(($(stat -c %s "$bin") / 1048576))" "$(($(stat -c %s "$dbg") / 1048576))" "$(basename "${dbg%/*}")/${dbg##*/}"
  done
done

echo "==> desktop-file-validate"
desktop-file-validate "$WORK/console/usr/share/applications/io.airgate.Airgate.desktop"
echo "==> appstreamcli validate"
appstreamcli validate --no-net "$WORK/console/usr/share/metainfo/io.airgate.Airgate.metainfo.xml"

echo "==> systemd-analyze verify"
verify_units() { # DIR COMMAND [--man=no]
  local dir=$1 ctl=$2
  mkdir -p "$WORK/units"
  for unit in airgate-gateway.service airgate-gateway@.service; do
    sed "s|/usr/bin/airgatectl|$ctl|" "$dir/$unit" > "$WORK/units/$unit"
  done
  (cd "$WORK/units" && systemd-analyze verify "${@:3}" airgate-gateway.service airgate-gateway@example.service)
}
verify_units "$WORK/gateway/lib/systemd/system" "$WORK/gateway/usr/bin/airgatectl" --man=no
echo "units: clean"

if [[ $INSTALL != --install ]]; then
  echo "==> packages checked"
  exit 0
fi

echo "==> dpkg -i"
export DEBIAN_FRONTEND=noninteractive
# As an administrator would: dpkg -i, and apt-get -f install when a dependency is missing.
if ! dpkg -i "$gateway" "$console"; then
  apt-get install -f -y -qq --no-install-recommends >/dev/null
fi
dpkg-query -W -f='${Package} ${Version} ${Status}\n' airgate-gateway airgate-console
for p in airgate-gateway airgate-console; do
  [[ $(dpkg-query -W -f='${Status}' "$p") == "install ok installed" ]] || fail "$p is not installed"
done
dpkg -L airgate-gateway airgate-console | sort -u > "$WORK/installed.txt"
airgatectl version
airgatectl lint --path /usr/share/airgate/examples/weather --offline
man -w airgatectl
man -w airgate
echo "==> systemd-analyze verify (installed units)"
# verify runs `man airgatectl` for Documentation=; a non-default MANWIDTH keeps man-db from
# saving a formatted copy in /var/cache/man, which would outlive the purge.
(cd / && MANWIDTH=100 systemd-analyze verify /lib/systemd/system/airgate-gateway.service \
  /lib/systemd/system/airgate-gateway@example.service)
echo "installed units: clean"

echo "==> dpkg --purge"
dpkg --purge airgate-console airgate-gateway
left=()
while IFS= read -r path; do
  [[ $path == / ]] && continue
  # Folders other packages own too (/usr/share/man/man1, /lib/systemd/system…) stay.
  if [[ -d $path ]] && dpkg -S "$path" >/dev/null 2>&1; then
    continue
  fi
  [[ -e $path || -L $path ]] && left+=("$path")
done < "$WORK/installed.txt"
for extra in /var/lib/airgate /var/lib/private/airgate /usr/share/airgate /usr/share/doc/airgate-gateway \
  /usr/share/doc/airgate-console; do
  [[ -e $extra ]] && left+=("$extra")
done
# And a search by name where packages put files.
while IFS= read -r path; do left+=("$path"); done < <(find /usr /lib /etc /var /opt -xdev \
  \( -name '*airgate*' -o -name 'io.airgate.*' \) 2>/dev/null)
((${#left[@]} == 0)) || fail "left behind after purge: ${left[*]}"
echo "purged: none of the $(wc -l < "$WORK/installed.txt") installed paths is left"
echo "==> packages checked and installed, used, purged"
