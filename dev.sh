#!/usr/bin/env bash
# Tandem's developer entry point, for a fresh Debian 12 machine.
#
#   ./dev.sh run              install what is missing, build, open the app on the demo organisation
#   ./dev.sh test             install what is missing, build, run the whole suite headless
#   ./dev.sh test --sanitize  the same with AddressSanitizer and UndefinedBehaviorSanitizer
#   ./dev.sh test --full      the suite, then again with the sanitizers, the core tests under
#                             valgrind, and 60 s of fuzzing (what CI runs: CI=true implies --full)
#   ./dev.sh fuzz [SECONDS]   build the libFuzzer harnesses with clang and run each (default 60 s)
#   ./dev.sh bench            release build, then the benchmarks with their figures (and gnuplot
#                             and matplotlib to race the chart export against)
#
# The test command ends with the line "N passed, N failed" and exits non-zero
# when a test fails.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")"

PACKAGES=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libcairo2-dev zlib1g-dev libpango1.0-dev libcsv-dev
  gettext desktop-file-utils appstream python3
  xvfb xauth dbus locales
  fonts-noto-cjk poppler-utils
  postgresql-15 libpq-dev libsecret-1-dev gnome-keyring
)
# The locales the tests switch to (digit grouping, translations). CJK text
# needs a font that has it (fonts-noto-cjk); pdffonts checks it is embedded.
LOCALES=(en_US de_DE zh_CN ja_JP)
# Only for --full (CI) and fuzz: memcheck, and clang with libFuzzer.
FULL_PACKAGES=(valgrind clang libclang-rt-14-dev)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_missing() {
  local missing=() pkg
  for pkg in "${PACKAGES[@]}" "$@"; do
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

# Generates the LOCALES the tests use when the system lacks them (root only:
# without them, the tests that need them say they were skipped).
ensure_locales() {
  local name
  for name in "${LOCALES[@]}"; do
    locale -a 2>/dev/null | grep -qi "^${name}\.utf-\?8$" && continue
    if [ "$(id -u)" -ne 0 ]; then
      say "Locale ${name}.UTF-8 is missing; run as root to generate it"
      continue
    fi
    say "Generating the locale ${name}.UTF-8"
    localedef -i "$name" -f UTF-8 "${name}.UTF-8" 2>/dev/null || true
  done
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

PASSED=0
FAILED=0

# run_suite DIR [meson test options…]: runs meson test, adds to the counts.
run_suite() {
  local dir=$1; shift
  local log status=0
  log=$(mktemp)
  meson test -C "$dir" --print-errorlogs --num-processes 2 "$@" 2>&1 | tee "$log" || status=$?

  local ok fail xfail upass timeout
  ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$log")
  xfail=$(sed -n 's/^Expected Fail: *\([0-9]*\).*/\1/p' "$log")
  fail=$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' "$log")
  upass=$(sed -n 's/^Unexpected Pass: *\([0-9]*\).*/\1/p' "$log")
  timeout=$(sed -n 's/^Timeout: *\([0-9]*\).*/\1/p' "$log")
  rm -f "$log"

  local passed=$(( ${ok:-0} + ${xfail:-0} ))
  local failed=$(( ${fail:-0} + ${upass:-0} + ${timeout:-0} ))
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    failed=1   # meson did not get as far as running anything
  fi
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
  fi
  PASSED=$(( PASSED + passed ))
  FAILED=$(( FAILED + failed ))
}

use_sanitizers() {
  export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1
  export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
}

# run_fuzz SECONDS: each harness for SECONDS on a seed corpus made from
# the test data; each counts as one test, failed on any crash.
run_fuzz() {
  local seconds=$1 name seeds
  if [ ! -f _build-fuzz/build.ninja ]; then
    say "Configuring _build-fuzz (clang, libFuzzer)"
    CC=clang meson setup _build-fuzz -Dfuzzing=true -Dapp=false \
      -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
  fi
  say "Building the fuzzers"
  meson compile -C _build-fuzz tests/fuzz/fuzz-csv tests/fuzz/fuzz-import >/dev/null

  seeds=_build-fuzz/seeds
  rm -rf "$seeds"; mkdir -p "$seeds/csv" "$seeds/import"
  local i=0 kind f
  for f in tests/data/*/*.csv; do
    i=$((i + 1))
    cp "$f" "$seeds/csv/seed-$i.csv"
    for kind in 0 1 2 3; do
      { printf "\\x0$kind"; cat "$f"; } > "$seeds/import/seed-$i-$kind"
    done
  done

  use_sanitizers
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1
  for name in csv import; do
    say "Fuzzing the ${name} reader for ${seconds} s"
    mkdir -p "_build-fuzz/corpus-$name"
    if _build-fuzz/tests/fuzz/fuzz-$name -max_total_time="$seconds" -print_final_stats=1 \
         -artifact_prefix="_build-fuzz/crash-$name-" "_build-fuzz/corpus-$name" "$seeds/$name" \
         > "_build-fuzz/fuzz-$name.log" 2>&1; then
      echo "fuzz-$name: $(sed -n 's/^stat::number_of_executed_units: *//p' "_build-fuzz/fuzz-$name.log") executions, 0 crashes"
      PASSED=$(( PASSED + 1 ))
    else
      tail -n 40 "_build-fuzz/fuzz-$name.log"
      echo "fuzz-$name: crashed; the input is in _build-fuzz/crash-$name-*"
      FAILED=$(( FAILED + 1 ))
    fi
  done
}

cmd_test() {
  local dir=_build options=() full=0
  case "${1:-}" in
    --sanitize) dir=_build-sanitize; options=(-Db_sanitize=address,undefined -Db_lundef=false); use_sanitizers ;;
    --full) full=1 ;;
  esac
  [ "${CI:-}" = "true" ] && full=1

  if [ "$full" -eq 1 ]; then
    install_missing "${FULL_PACKAGES[@]}"
  else
    install_missing
  fi
  ensure_locales
  build "$dir" "${options[@]}"
  say "Running the tests"
  run_suite "$dir"

  if [ "$full" -eq 1 ]; then
    (
      use_sanitizers
      build _build-sanitize -Db_sanitize=address,undefined -Db_lundef=false
    )
    say "Running the tests with AddressSanitizer and UndefinedBehaviorSanitizer"
    ( use_sanitizers; run_suite _build-sanitize; echo "$PASSED $FAILED" > _build-sanitize/.counts )
    read -r PASSED FAILED < _build-sanitize/.counts

    say "Running the core tests under valgrind memcheck"
    TANDEM_TEST_UNDER_VALGRIND=1 run_suite _build --suite core --timeout-multiplier 10 \
      --wrap="valgrind --error-exitcode=1 --num-callers=40 --leak-check=full --errors-for-leak-kinds=definite --suppressions=$PWD/tests/valgrind.supp -q"

    run_fuzz 30
  fi

  echo
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

cmd_bench() {
  install_missing gnuplot-nox sqlite3 python3-matplotlib
  build _build-release --buildtype=release
  say "Running the benchmarks"
  meson test -C _build-release --benchmark --print-errorlogs -v
}

cmd_fuzz() {
  install_missing "${FULL_PACKAGES[@]}"
  PASSED=0; FAILED=0
  run_fuzz "${1:-60}"
  echo
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  fuzz) shift; cmd_fuzz "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  *)
    sed -n '2,14s/^# \{0,1\}//p' "$0"
    exit 2
    ;;
esac
