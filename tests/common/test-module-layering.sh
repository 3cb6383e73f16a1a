#!/usr/bin/env bash
# The module-order check must pass on the real tree and must fail when a lower
# module includes a higher one (so it cannot pass by accident).
set -euo pipefail
root="$1"
check="$root/scripts/check-module-layering.sh"
"$check" "$root/core"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
expect_refused() { # folder, file, include
  rm -rf "$tmp/core"
  cp -r "$root/core" "$tmp/core"
  printf '#include "%s"\n' "$3" >> "$tmp/core/$1/$2"
  if out="$("$check" "$tmp/core")"; then
    echo "FAIL: $1/$2 including $3 was accepted"; exit 1
  fi
  grep -q "$1/$2" <<<"$out" || { echo "FAIL: the violation in $1/$2 was not named: $out"; exit 1; }
  echo "refused as expected: $1/$2 → $3"
}
expect_refused common Settings.cpp vision/ComputeDevice.h
expect_refused vision RecognitionPipeline.cpp storage/Database.h
expect_refused storage SessionRecorder.cpp cli/CliContext.h
expect_refused reports ReportTable.cpp sync/SyncEngine.h
expect_refused models ModelRegistry.cpp ../vision/BuildInfo.h
echo "module order check: ok"
