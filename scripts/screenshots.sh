#!/usr/bin/env bash
# Renders screenshots of RollCall's main views into a folder (default
# build/screenshots, not committed) so a reviewer can look at them. Runs the
# real widgets under a virtual X server (xvfb-run) against a throw-away data
# folder in which class DEV-A of the shared test data is enrolled through the
# engine and two earlier photos are marked, then marks classrooms/DEV-A/easy.jpg;
# then, in a second data folder, the 1366×768 views in English and Hindi with
# classes of 60 and 120 students and the phone dialog (lab-*.png).
#
#   scripts/screenshots.sh [OUTDIR]
#
# Environment: ROLLCALL_BUILD_DIR (default build/ci, configured with the ci
# preset if missing), ROLLCALL_TEST_DATA (default ../shared/data),
# ROLLCALL_MODELS_DIR (default: the app's models folder).
# docs/mark-view.png is a copy of OUTDIR/mark-view.png.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/build/screenshots}")"
build="${ROLLCALL_BUILD_DIR:-$root/build/ci}"
data_root="${ROLLCALL_TEST_DATA:-$root/../shared/data}"

command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run not found (apt-get install xvfb xauth)" >&2; exit 1; }
[ -f "$data_root/classrooms/manifest.json" ] || { echo "screenshots: no test data at $data_root" >&2; exit 1; }

if [ ! -f "$build/CMakeCache.txt" ]; then
  (cd "$root" && cmake --preset ci)
fi
cmake --build "$build" --target rollcall-screenshots

data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
mkdir -p "$out"

# 1600×1000 screen, 24-bit colour; the tool sizes its windows itself.
xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$build/bin/rollcall-screenshots" \
    --data-dir "$data" --out "$out" --class DEV-A \
    --manifest "$data_root/classrooms/manifest.json" \
    --history "$data_root/classrooms/DEV-A/hard.jpg" \
    --history "$data_root/classrooms/DEV-A/easy.jpg" \
    --photo "$data_root/classrooms/DEV-A/easy.jpg" \
    --good-photo "$data_root/classrooms/DEV-A/enrol/DEV-A-000_0002.jpg" \
    --refused-photo "$data_root/group/bbt/bbt1.jpg"

# What a 1366×768 lab monitor shows, in English and Hindi, with classes of 60 and
# 120 students (lab-*.png), in a data folder of its own.
lab="$(mktemp -d)"
trap 'rm -rf "$data" "$lab"' EXIT
xvfb-run -a -s "-screen 0 1366x768x24" \
  "$build/bin/rollcall-screenshots" --data-dir "$lab" --out "$out" --lab-screen

echo "screenshots: written to $out"
