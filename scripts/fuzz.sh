#!/usr/bin/env bash
# Runs every libFuzzer harness of tests/fuzz for SECONDS each (default 60) and
# prints per harness: executions, corpus size and crashes.
#   scripts/fuzz.sh [SECONDS] [HARNESS…]
# The harnesses are built with clang into build/fuzz (ROLLCALL_FUZZ_BUILD_DIR).
# The corpus of each grows in build/fuzz/corpus/<name> from run to run; a crash
# stops that harness and leaves its input in build/fuzz/crashes/<name>/ and the
# log in build/fuzz/logs/<name>.log. Once the bug is fixed, copy the input into
# tests/fuzz/regressions/<name>/ so the test suite replays it. Exits 1 if any
# harness crashed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

seconds="${1:-60}"
shift || true
build="${ROLLCALL_FUZZ_BUILD_DIR:-$root/build/fuzz}"
cxx="${ROLLCALL_FUZZ_CXX:-clang++-14}"

cmake -S tests/fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" > /dev/null
cmake --build "$build"

if [ $# -gt 0 ]; then
  harnesses=("$@")
else
  harnesses=()
  for f in tests/fuzz/fuzz_*.cpp; do
    n="${f##*/fuzz_}"
    harnesses+=("${n%.cpp}")
  done
fi

mkdir -p "$build/logs"
printf '%-22s %12s %8s %8s  %s\n' harness executions corpus crashes note
found=0
for name in "${harnesses[@]}"; do
  corpus="$build/corpus/$name"
  crashes="$build/crashes/$name"
  log="$build/logs/$name.log"
  mkdir -p "$corpus" "$crashes"
  inputs=("$corpus" "$build/seeds/$name")
  # Kept crash inputs go first into the run: one that crashes again is a regression.
  [ -d "tests/fuzz/regressions/$name" ] && inputs+=("tests/fuzz/regressions/$name")
  # Failures only: libFuzzer also leaves slow-unit-* inputs, which on a loaded machine are
  # scheduling stalls (replay them with the harness to tell).
  failures() { find "$crashes" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l; }
  slow() { find "$crashes" -type f -name 'slow-unit-*' | wc -l; }
  before=$(failures)
  slowBefore=$(slow)
  rc=0
  "$build/fuzz_$name" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$crashes/" "${inputs[@]}" > "$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  size=$(find "$corpus" -type f | wc -l)
  new=$(( $(failures) - before ))
  note=""
  slowNew=$(( $(slow) - slowBefore ))
  [ "$slowNew" -gt 0 ] && note="$slowNew slow input(s) in $crashes"
  if [ "$rc" -ne 0 ]; then
    found=1
    note="stopped (exit $rc): $(grep -m1 -E '^SUMMARY|ERROR: libFuzzer' "$log" || echo "see $log")"
  fi
  printf '%-22s %12s %8s %8s  %s\n' "$name" "${execs:-?}" "$size" "$new" "$note"
done
exit "$found"
