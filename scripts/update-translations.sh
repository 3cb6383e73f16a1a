#!/usr/bin/env bash
# Updates translations/*.ts from the sources in core/, ui/ and app/: strings new
# in the code are added as unfinished; strings gone from it are kept as
# "vanished" (several branches change the code at once: a string that comes back
# gets its translation back; --prune drops them for good). Then
# translate what is unfinished (Qt Linguist: `linguist translations/rollcall_hi.ts`)
# and commit the .ts files; the build compiles them (translations/CMakeLists.txt).
# rollcall_en.ts keeps only plural forms ("%n file(s)" → "1 file", "2 files").
# The translationfiles test fails while any string is unfinished.
#
# --check: change nothing; exit 1 if the code has strings the .ts files lack.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

lupdate="${LUPDATE:-}"
if [ -z "$lupdate" ]; then
  for candidate in "$(qtpaths6 --query QT_HOST_BINS 2>/dev/null)/lupdate" /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
    if [ -x "$candidate" ]; then lupdate="$candidate"; break; fi
  done
fi
[ -x "$lupdate" ] || { echo "update-translations: lupdate not found (apt-get install qt6-l10n-tools) or set LUPDATE" >&2; exit 1; }

out=translations
obsolete=()
if [ "${1:-}" = "--prune" ]; then
  obsolete=(-no-obsolete)
elif [ "${1:-}" = "--check" ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
  cp translations/rollcall_*.ts "$out/"
fi

common=(-locations none "${obsolete[@]}" -extensions cpp,h -silent core ui app)
"$lupdate" "${common[@]}" -target-language hi_IN -ts "$out/rollcall_hi.ts"
"$lupdate" "${common[@]}" -pluralonly -target-language en -ts "$out/rollcall_en.ts"

if [ "$out" != translations ]; then
  stale=0
  for ts in translations/rollcall_*.ts; do
    if ! cmp -s "$ts" "$out/$(basename "$ts")"; then
      echo "update-translations: $ts is out of date with the code (run scripts/update-translations.sh)" >&2
      stale=1
    fi
  done
  [ "$stale" -eq 0 ] && echo "update-translations: translations are up to date with the code"
  exit "$stale"
fi

for ts in translations/rollcall_*.ts; do
  total=$(grep -c '<source>' "$ts" || true)
  vanished=$(grep -c 'type="vanished"' "$ts" || true)
  unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
  echo "update-translations: $ts: $((total - vanished)) strings, $unfinished unfinished ($vanished vanished kept)"
done
