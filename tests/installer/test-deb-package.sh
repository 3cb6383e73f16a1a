#!/usr/bin/env bash
# The package test (CTest label `package`): builds the Debian package from the
# build tree with CPack, installs it with apt-get (dpkg -i when apt-get cannot),
# runs the installed rollcall-cli and rollcall, checks the installed desktop
# files, then purges the package again.
#
# Usage: test-deb-package.sh BUILD_DIR VERSION APP_ID
# Runs as root (CI) or with passwordless sudo. It replaces an installed rollcall
# package and purges it afterwards; a machine-wide lock keeps several checkouts'
# test runs from installing at the same time.
set -euo pipefail
build="$1" version="$2" app_id="$3"

fail() { echo "test-deb-package: FAIL: $*" >&2; exit 1; }
log() { echo "test-deb-package: $*"; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null || fail "installing a package needs root or passwordless sudo"
  SUDO=(sudo -n)
fi
command -v cpack >/dev/null || fail "cpack not found"
command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps not found (apt-get install dpkg-dev)"

work="$(mktemp -d /tmp/rollcall-deb-test.XXXXXX)"
chmod 755 "$work" # apt's _apt user reads the .deb from here
installed=0
cleanup() {
  if [ "$installed" -eq 1 ]; then
    "${SUDO[@]}" dpkg --purge rollcall >/dev/null 2>&1 || echo "test-deb-package: WARNING: could not purge rollcall" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

log "building the package with cpack"
cpack -G DEB -B "$work" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb="$(ls "$work"/rollcall_"$version"_*.deb 2>/dev/null | head -n1)"
[ -n "$deb" ] || { cat "$work/cpack.log" >&2; fail "no rollcall_${version}_*.deb produced"; }
log "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

depends="$(dpkg-deb -f "$deb" Depends)"
for dep in libqt6core6 libqt6widgets6 qt6-qpa-plugins libqt6sql6-sqlite libqt6svg6; do
  grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done

# One package installation at a time on this machine.
exec 9>/tmp/rollcall-package-test.lock
flock -w 900 9 || fail "another package test held the lock for 15 minutes"

log "installing"
installed=1
if command -v apt-get >/dev/null; then
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=300 "$deb" >"$work/install.log" 2>&1 \
    || { cat "$work/install.log" >&2; fail "apt-get install $deb failed"; }
else
  "${SUDO[@]}" dpkg -i "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "dpkg -i failed"; }
fi
dpkg-query -W -f='${Status} ${Version}\n' rollcall | grep -q "install ok installed $version" \
  || fail "rollcall $version is not installed after installation"

for f in /usr/bin/rollcall /usr/bin/rollcall-cli; do
  [ -x "$f" ] || fail "$f missing"
done
for f in "/usr/share/applications/$app_id.desktop" "/usr/share/metainfo/$app_id.metainfo.xml" \
         "/usr/share/icons/hicolor/256x256/apps/$app_id.png" "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
         /usr/share/doc/rollcall/rollcall.conf.example; do
  [ -f "$f" ] || fail "$f missing"
done

# Run the installed programs as a user would: a fresh home, no build-tree paths.
home="$work/home"
mkdir -p "$home"
run() { env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"; }

out="$(run /usr/bin/rollcall-cli --version)" || fail "rollcall-cli --version exited $?"
echo "$out"
grep -q "RollCall $version" <<<"$out" || fail "rollcall-cli --version does not print RollCall $version"
grep -q "Compute device:" <<<"$out" || fail "rollcall-cli --version does not print the compute device"

out="$(run /usr/bin/rollcall --version)" || fail "rollcall --version exited $?"
grep -q "RollCall $version" <<<"$out" || fail "rollcall --version does not print RollCall $version: $out"

if [ -n "${ROLLCALL_MODELS_DIR:-}" ]; then
  run /usr/bin/rollcall-cli --models-dir "$ROLLCALL_MODELS_DIR" models >"$work/models.log" 2>&1 \
    || { cat "$work/models.log" >&2; fail "installed rollcall-cli models does not accept the models in $ROLLCALL_MODELS_DIR"; }
  log "installed rollcall-cli verified the models in $ROLLCALL_MODELS_DIR"
fi

log "removing"
"${SUDO[@]}" dpkg --purge rollcall >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "dpkg --purge failed"; }
installed=0
[ ! -e /usr/bin/rollcall ] || fail "/usr/bin/rollcall is still there after purging"
log "ok"
