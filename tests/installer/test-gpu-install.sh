#!/usr/bin/env bash
# A CUDA build, installed: the programs start from the install tree (OpenCV's
# CUDA build found through their RUNPATH), find the CUDA plugin beside them,
# and detect faces on whatever device this machine has.
# usage: test-gpu-install.sh BUILD_DIR PHOTO   (ROLLCALL_MODELS_DIR set by CTest)
set -euo pipefail
build="$1" photo="$2"
fail() { echo "test-gpu-install: FAIL: $*" >&2; exit 1; }

prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >"$prefix/install.log" 2>&1 \
  || { cat "$prefix/install.log" >&2; fail "cmake --install failed"; }
cli="$prefix/bin/rollcall-cli"
[ -x "$cli" ] || fail "no $cli after installing"

# The test environment points ROLLCALL_PLUGIN_DIR at the build tree; the
# installed program must find its own plugin.
unset ROLLCALL_PLUGIN_DIR
version="$(env -u LD_LIBRARY_PATH "$cli" --version 2>&1)" || { echo "$version" >&2; fail "installed rollcall-cli --version failed"; }
echo "$version"
grep -q "^CUDA support: yes" <<<"$version" || fail "the installed program is not the CUDA build"
grep -qF "CUDA plugin: $prefix/lib/rollcall/plugins/librollcall_dlib_cuda.so" <<<"$version" \
  || fail "the installed program did not load the installed CUDA plugin"

out="$(env -u LD_LIBRARY_PATH "$cli" detect --json "$photo")" || fail "installed rollcall-cli detect failed"
faces="$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["faces"]))' <<<"$out")"
device="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["device"])' <<<"$out")"
echo "detect: $faces face(s) on $device"
[ "$faces" -ge 20 ] || fail "expected a whole class of faces, got $faces"
echo "test-gpu-install: OK"
