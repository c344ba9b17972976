#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# One entry point for a fresh Debian 12 machine:
#   ./build.sh run    install what is missing, build, start the console on the example workspace
#                     (or, with no display, the headless gateway on it)
#   ./build.sh test   install what is missing, build, run every test; then fuzz each libFuzzer
#                     target (ASan + UBSan, Clang, folder build-fuzz) for AIRGATE_FUZZ_SECONDS
#                     (default 30) on top of its corpus
#   ./build.sh build  install what is missing and build only
#   ./build.sh fuzz [TARGET] [SECONDS]
#                     fuzz one target (or each in turn) for SECONDS (default 600) on top of its corpus
#   ./build.sh package  a Release build in build-release, the Debian packages (cpack), and their
#                     checks: lintian, desktop-file-validate, appstreamcli validate,
#                     systemd-analyze verify (scripts/check-packages.sh); with --install also
#                     dpkg -i, a smoke test, and a purge that must leave no file behind
#   ./build.sh sanitize
#                     build everything with ASan + UBSan (Clang, folder build-fuzz) and run every test there
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
BUILD=${AIRGATE_BUILD_DIR:-$ROOT/build}
SHARED=${AIRGATE_SHARED_DIR:-$ROOT/../shared}
EXAMPLE=$ROOT/resources/examples/weather
JOBS=${JOBS:-$(nproc)}

# Debian 12 packages. qt6-websockets-dev is needed although nothing here uses WebSockets:
# Qt6HttpServer's CMake config calls find_dependency(Qt6WebSockets).
PACKAGES=(cmake ninja-build g++ pkg-config clang-format git ccache
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qtkeychain-qt6-dev libsecret-1-0 libyaml-dev libssl-dev openssl libgit2-dev
  gnome-keyring dbus dbus-x11 libsecret-tools
  fontconfig fonts-dejavu-core xvfb xauth
  nodejs npm curl
  scdoc help2man     # the manual pages, made at build time
  librsvg2-bin       # rsvg-convert: the hicolor PNGs from the one SVG icon
  cmark-gfm          # the offline HTML manual from the README
  libsystemd-dev)    # sd_notify: readiness and reload reported to systemd
# Only for ./build.sh test: the browser that drives the portal's end-to-end test (through
# playwright-core's executablePath; nothing is downloaded by npm), the shells whose
# completion of airgatectl is tested, and the window manager and X input tool that drive the
# console's end-to-end test on Xvfb.
TEST_PACKAGES=(chromium
  zsh fish
  openbox xdotool)
# Only for ./build.sh test, fuzz and sanitize: Clang with its sanitizer runtimes and libFuzzer
# (libclang_rt.fuzzer is in libclang-rt-14-dev), llvm-symbolizer for readable reports, and Python
# for tests/fuzz/seeds.py.
SANITIZE_PACKAGES=(clang libclang-rt-14-dev llvm python3)
# The Clang build with AddressSanitizer + UndefinedBehaviorSanitizer and the libFuzzer targets.
SAN_BUILD=${AIRGATE_SANITIZE_BUILD_DIR:-$ROOT/build-fuzz}
FUZZ_SECONDS=${AIRGATE_FUZZ_SECONDS:-30}
# Only for ./build.sh package: the packaging tools and the checks the packages must pass.
PACKAGE_PACKAGES=(dpkg-dev file binutils lintian desktop-file-utils appstream systemd man-db)
# Only for ./build.sh bench: the peer proxies measured beside the gateway.
BENCH_PACKAGES=(wrk nginx haproxy caddy)

install_deps() {
  local missing=()
  for p in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # A newer Node.js already on PATH is fine; do not replace it with Debian's.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    local keep=()
    for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || keep+=("$p"); done
    missing=("${keep[@]}")
  fi
  if ((${#missing[@]})); then
    echo "==> installing: ${missing[*]}"
    local sudo=""
    [[ $(id -u) == 0 ]] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# ccache (installed with the packages) makes the second build of the same sources, the package's
# Release build, mostly cache hits: paths are hashed relative to the checkout, not per folder.
use_ccache() {
  command -v ccache >/dev/null || return 0
  export CMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER:-ccache}
  [[ -n $(ccache -k base_dir 2>/dev/null) ]] || export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$ROOT}
  export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
}

build() {
  echo "==> building in $BUILD"
  use_ccache
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIRGATE_SHARED_DIR="$SHARED" >/dev/null
  cmake --build "$BUILD" -j "$JOBS"
}

prepare_node_tools() {
  # The independent CRD checker, copied beside the build so ../shared stays untouched.
  if [[ -d $SHARED/tools/crdcheck ]]; then
    mkdir -p "$BUILD/crdcheck"
    cp "$SHARED/tools/crdcheck/"{crdcheck.mjs,package.json,package-lock.json} "$BUILD/crdcheck/"
    if [[ ! -d $BUILD/crdcheck/node_modules ]] || [[ $BUILD/crdcheck/package-lock.json -nt $BUILD/crdcheck/node_modules ]]; then
      (cd "$BUILD/crdcheck" && npm ci --silent --no-audit --no-fund >/dev/null)
    fi
  else
    echo "==> $SHARED/tools/crdcheck not found: conformance tests will be skipped"
  fi
  if [[ -f $ROOT/tests/node/package.json ]]; then
    if [[ ! -d $ROOT/tests/node/node_modules ]] || [[ $ROOT/tests/node/package-lock.json -nt $ROOT/tests/node/node_modules ]]; then
      (cd "$ROOT/tests/node" && npm ci --silent --no-audit --no-fund >/dev/null)
    fi
  fi
}

run_tests() {
  prepare_node_tools
  echo "==> running tests"
  export AIRGATE_CRDCHECK_DIR="$BUILD/crdcheck"
  # Keychain tests need a session bus and an unlocked keyring; the wrapper provides both.
  dbus-run-session -- "$ROOT/scripts/with-keyring.sh" ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS" --timeout 600
}

build_sanitized() {
  echo "==> building with ASan + UBSan and the libFuzzer targets in $SAN_BUILD"
  use_ccache
  cmake -S "$ROOT" -B "$SAN_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
    -DAIRGATE_SHARED_DIR="$SHARED" \
    -DAIRGATE_SANITIZE=address,undefined -DAIRGATE_FUZZ=ON -DAIRGATE_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build "$SAN_BUILD" -j "$JOBS" "$@"
}

run_sanitized_tests() {
  echo "==> running tests under AddressSanitizer and UndefinedBehaviorSanitizer"
  local reports=$SAN_BUILD/sanitizer-reports status=0
  rm -rf "$reports" && mkdir -p "$reports"
  export AIRGATE_CRDCHECK_DIR="$BUILD/crdcheck"
  dbus-run-session -- "$ROOT/scripts/with-keyring.sh" \
    ctest --test-dir "$SAN_BUILD" --output-on-failure -j "$JOBS" --timeout 1800 || status=$?
  # Every process of the suite (children such as `airgatectl serve` included) logs its sanitizer
  # reports there; any report fails the run, whatever the test that started the process checked.
  if compgen -G "$reports/*" >/dev/null; then
    echo "==> sanitizer reports:" >&2
    for f in "$reports"/*; do echo "--- $f" >&2; cat "$f" >&2; done
    status=1
  fi
  return $status
}

fuzz_max_len() {
  case $1 in
    fuzz_openapi) echo 65536 ;;
    fuzz_yaml | fuzz_dump) echo 16384 ;;
    fuzz_jwt | fuzz_oidc) echo 8192 ;;
    fuzz_traefik_rule) echo 1024 ;;
    *) echo 4096 ;;
  esac
}

# fuzz TARGET SECONDS: libFuzzer on the stored corpus, the regression inputs and the seeds made
# from the test data and ../shared/external; new inputs are kept under $SAN_BUILD/fuzz/TARGET.
fuzz_one() {
  local t=$1 seconds=$2 src=$ROOT/tests/fuzz
  local exe=$SAN_BUILD/tests/fuzz/$t work=$SAN_BUILD/fuzz/$t
  [[ -x $exe ]] || { echo "no fuzz target $t" >&2; return 2; }
  mkdir -p "$work/corpus" "$work/artifacts"
  local inputs=("$work/corpus" "$src/corpus/$t")
  [[ -d $src/regressions/$t ]] && inputs+=("$src/regressions/$t")
  [[ -d $SAN_BUILD/fuzz/seeds/$t ]] && inputs+=("$SAN_BUILD/fuzz/seeds/$t")
  echo "==> fuzzing $t for ${seconds}s"
  local status=0
  ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 \
    LSAN_OPTIONS=suppressions=$ROOT/tests/sanitizers/lsan.supp:print_suppressions=0 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=$ROOT/tests/sanitizers/ubsan.supp \
    nice -n "${AIRGATE_FUZZ_NICE:-0}" "$exe" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 \
    -max_len="$(fuzz_max_len "$t")" -dict="$src/dict/$t.dict" -artifact_prefix="$work/artifacts/" \
    -print_final_stats=1 "${inputs[@]}" >"$work/log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+ *DONE' "$work/log" | tr '\n' ' ' || true
  grep -oE 'cov: [0-9]+ ft: [0-9]+' "$work/log" | tail -1 || true
  if ((status != 0)); then
    echo "==> $t FAILED (exit $status); the input is in $work/artifacts/:" >&2
    grep -A40 -E '^==[0-9]+==ERROR|runtime error|check failed|ALARM|out-of-memory' "$work/log" | head -80 >&2
  fi
  return $status
}

fuzz() {
  local only=${1:-} seconds=${2:-600} status=0
  python3 "$ROOT/tests/fuzz/seeds.py" "$ROOT" "$SHARED" "$SAN_BUILD/fuzz/seeds" >/dev/null
  local targets=()
  for exe in "$SAN_BUILD"/tests/fuzz/fuzz_*; do
    [[ -x $exe && ! -d $exe ]] && targets+=("$(basename "$exe")")
  done
  for t in "${targets[@]}"; do
    [[ -z $only || $t == "$only" ]] || continue
    fuzz_one "$t" "$seconds" || status=1
  done
  return $status
}

start() {
  if [[ -x $BUILD/app/console/airgate && -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    echo "==> starting the console on $EXAMPLE"
    exec "$BUILD/app/console/airgate" "$EXAMPLE"
  fi
  if "$BUILD/app/cli/airgatectl" serve --help >/dev/null 2>&1; then
    echo "==> no display: starting the headless gateway on $EXAMPLE"
    exec "$BUILD/app/cli/airgatectl" serve --path "$EXAMPLE"
  fi
  echo "==> linting the example workspace"
  exec "$BUILD/app/cli/airgatectl" lint --path "$EXAMPLE" --offline
}

bench() {
  prepare_node_tools
  echo "==> lint: airgate and crdcheck on the same 10,000 resources"
  AIRGATE_CRDCHECK_DIR="$BUILD/crdcheck" "$BUILD/tests/bench/airgate-bench-lint"
  echo "==> console: startup and keystroke latency on 1,000 resources"
  QT_QPA_PLATFORM=offscreen "$BUILD/tests/bench/airgate-bench-console"
  echo "==> gateway: airgate beside nginx and Caddy, alternating rounds"
  "$ROOT/tests/bench/gateway-vs-peers.sh" "$BUILD"
  echo "==> OpenAPI: the ten real documents (load, page, mock) and API latency while portal pages render"
  "$BUILD/tests/bench/airgate-bench-openapi"
}

# A Release build of the shipped programs only (no tests, no benchmarks) in its own folder:
# -O2 -g -DNDEBUG as Debian builds (the same compile lines as the RelWithDebInfo build, so ccache
# serves what ./build.sh build already compiled), linked with Debian's RELRO and BIND_NOW.
# cpack strips the binaries and puts their debug symbols in -dbgsym packages; then every check.
package() {
  local rel=${AIRGATE_RELEASE_DIR:-$ROOT/build-release}
  echo "==> Release build in $rel"
  use_ccache
  cmake -S "$ROOT" -B "$rel" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-O2 -g -DNDEBUG" \
    -DCMAKE_EXE_LINKER_FLAGS="$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get LDFLAGS)" \
    -DCMAKE_INSTALL_PREFIX=/usr -DAIRGATE_BUILD_TESTS=OFF -DAIRGATE_BUILD_BENCHMARKS=OFF \
    -DAIRGATE_SHARED_DIR="$SHARED" \
    ${AIRGATE_PACKAGE_MAINTAINER:+"-DAIRGATE_PACKAGE_MAINTAINER=$AIRGATE_PACKAGE_MAINTAINER"} \
    ${AIRGATE_PACKAGE_HOMEPAGE:+"-DAIRGATE_PACKAGE_HOMEPAGE=$AIRGATE_PACKAGE_HOMEPAGE"} >/dev/null
  cmake --build "$rel" -j "$JOBS"
  echo "==> packages"
  rm -rf "$rel/packages"
  (cd "$rel" && cpack -G DEB -B "$rel/packages" >/dev/null)
  "$ROOT/scripts/check-packages.sh" "$rel/packages" "$@"
}

case "${1:-run}" in
  run) install_deps; build; start ;;
  bench) install_deps "${BENCH_PACKAGES[@]}"; build; bench ;;
  test)
    install_deps "${TEST_PACKAGES[@]}" "${SANITIZE_PACKAGES[@]}"
    build
    run_tests
    # Every fuzz target for FUZZ_SECONDS (AIRGATE_FUZZ_SECONDS=0: none).
    if ((FUZZ_SECONDS > 0)); then
      build_sanitized --target airgate_fuzz_targets
      fuzz "" "$FUZZ_SECONDS"
    fi ;;
  sanitize)
    install_deps "${TEST_PACKAGES[@]}" "${SANITIZE_PACKAGES[@]}"
    build_sanitized
    prepare_node_tools
    run_sanitized_tests ;;
  fuzz)
    install_deps "${SANITIZE_PACKAGES[@]}"
    build_sanitized --target airgate_fuzz_targets
    fuzz "${2:-}" "${3:-600}" ;;
  build) install_deps; build ;;
  package) install_deps "${PACKAGE_PACKAGES[@]}"; package "${@:2}" ;;
  *) echo "usage: $0 [run|test|build|bench|sanitize|fuzz [TARGET] [SECONDS]|package [--install]]" >&2; exit 2 ;;
esac
