#!/usr/bin/env bash
# Installs dependencies and models, builds RollCall (release) and starts the GUI
# on the default SQLite database. Extra arguments go to `rollcall`
# (scripts/run.sh --help, scripts/run.sh --data-dir /tmp/demo).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

./scripts/install-deps.sh
if [ -z "${ROLLCALL_MODEL_MIRROR:-}" ] && [ -d "$root/../shared/models" ]; then
  export ROLLCALL_MODEL_MIRROR="$root/../shared/models"
fi
./scripts/fetch-models.sh
cmake --preset release >/dev/null
cmake --build --preset release --target rollcall rollcall-cli

exec "$root/build/release/bin/rollcall" "$@"
