#!/usr/bin/env bash
# Tandem's developer entry point, for a fresh Debian 12 machine.
#
#   ./dev.sh run              install what is missing, build, open the app on the demo organisation
#   ./dev.sh test             install what is missing, build, run the whole suite headless
#   ./dev.sh test --sanitize  the same with AddressSanitizer and UndefinedBehaviorSanitizer
#
# The test command ends with the line "N passed, N failed" and exits non-zero
# when a test fails.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")"

PACKAGES=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libcairo2-dev libpango1.0-dev libcsv-dev
  gettext desktop-file-utils appstream python3
  xvfb xauth dbus
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_missing() {
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  if ! command -v apt-get >/dev/null; then
    echo "dev.sh: these packages are missing and this is not a Debian system: ${missing[*]}" >&2
    echo "dev.sh: install their equivalents, then run this again." >&2
    exit 1
  fi

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "dev.sh: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi

  say "Installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
}

# build DIR [meson options…]
build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    say "Configuring $dir"
    meson setup "$dir" "$@" >/dev/null
  fi
  say "Building $dir"
  meson compile -C "$dir" >/dev/null
}

cmd_run() {
  install_missing
  build _build
  local db=${TANDEM_DATABASE:-_build/demo.db}
  if [ ! -s "$db" ]; then
    say "Creating the demo organisation in $db"
    _build/src/cli/tandem-cli --database "$db" demo >/dev/null
  fi
  say "Opening Tandem on $db"
  GSETTINGS_SCHEMA_DIR=_build/data TANDEM_LOCALEDIR=_build/po \
    exec _build/src/app/tandem --database "$db" "$@"
}

cmd_test() {
  local dir=_build options=()
  if [ "${1:-}" = "--sanitize" ]; then
    dir=_build-sanitize
    options=(-Db_sanitize=address,undefined -Db_lundef=false)
    export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1
    export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  fi

  install_missing
  build "$dir" "${options[@]}"

  say "Running the tests"
  local log status=0
  log=$(mktemp)
  meson test -C "$dir" --print-errorlogs --num-processes 2 2>&1 | tee "$log" || status=$?

  local ok fail xfail upass timeout skipped
  ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$log")
  xfail=$(sed -n 's/^Expected Fail: *\([0-9]*\).*/\1/p' "$log")
  fail=$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' "$log")
  upass=$(sed -n 's/^Unexpected Pass: *\([0-9]*\).*/\1/p' "$log")
  timeout=$(sed -n 's/^Timeout: *\([0-9]*\).*/\1/p' "$log")
  skipped=$(sed -n 's/^Skipped: *\([0-9]*\).*/\1/p' "$log")
  rm -f "$log"

  local passed=$(( ${ok:-0} + ${xfail:-0} ))
  local failed=$(( ${fail:-0} + ${upass:-0} + ${timeout:-0} ))
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    failed=1   # meson did not get as far as running anything
  fi
  echo
  if [ "${skipped:-0}" -gt 0 ]; then
    echo "$passed passed, $failed failed, ${skipped} skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  [ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  *)
    sed -n '2,9s/^# \{0,1\}//p' "$0"
    exit 2
    ;;
esac
