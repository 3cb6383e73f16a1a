#!/usr/bin/env bash
# Checks core's module order: a file in core/<module> may include only headers of
# the modules below it (common ← models ← vision ← storage ← {sync, reports} ← cli),
# with quoted "module/…" includes; "../" includes are refused outright.
# Usage: check-module-layering.sh [CORE_DIR]   (default: the project's core/)
# Exit 0: the order holds; 1: violations, each printed as file:line: include.
set -euo pipefail
core="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../core" && pwd)}"

declare -A allowed=(
  [common]="common"
  [models]="common models"
  [vision]="common models vision"
  [storage]="common models vision storage"
  [sync]="common models vision storage sync"
  [reports]="common models vision storage reports"
  [cli]="common models vision storage sync reports cli"
)
modules="common models vision storage sync reports cli"

bad=0
checked=0
for module in "${!allowed[@]}"; do
  [ -d "$core/$module" ] || { echo "missing module folder $core/$module"; exit 1; }
  while IFS= read -r -d '' file; do
    while IFS=: read -r line text; do
      checked=$((checked + 1))
      target="$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^/"]+)\/.*/\1/' <<<"$text")"
      if [[ "$text" == *'"../'* ]]; then
        echo "$file:$line: relative include across folders: $text"
        bad=$((bad + 1))
      elif [[ " $modules " == *" $target "* && " ${allowed[$module]} " != *" $target "* ]]; then
        echo "$file:$line: $module may not include $target: $text"
        bad=$((bad + 1))
      fi
    done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" || true)
  done < <(find "$core/$module" -type f \( -name '*.h' -o -name '*.cpp' \) -print0)
done

if [ "$checked" -eq 0 ]; then
  echo "no includes found under $core: wrong folder?"
  exit 1
fi
if [ "$bad" -gt 0 ]; then
  echo "$bad include(s) break the module order"
  exit 1
fi
echo "module order holds ($checked includes checked)"
