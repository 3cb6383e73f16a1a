#!/usr/bin/env bash
# Installs dependencies and models, builds everything with warnings as errors
# and runs the whole test suite with CTest. Tests that need a PostgreSQL server
# start their own throw-away one (tests/support), so nothing else is needed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

./scripts/install-deps.sh
if [ -z "${ROLLCALL_MODEL_MIRROR:-}" ] && [ -d "$root/../shared/models" ]; then
  export ROLLCALL_MODEL_MIRROR="$root/../shared/models"
fi
./scripts/fetch-models.sh

cmake --preset ci
cmake --build --preset ci -j "$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --preset ci -j "$(nproc)" "$@"
