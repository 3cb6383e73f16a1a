#!/usr/bin/env bash
# scripts/fetch-models.sh's failure paths, offline: every failure must exit
# non-zero with a message that names the problem and leave no half-written model.
# Usage: test-fetch-models.sh SOURCE_DIR INSTALLED_MODELS_DIR SHARED_MODELS_DIR
set -uo pipefail
src="$1"; installed="$2"; shared="$3"
script="$src/scripts/fetch-models.sh"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fail() { echo "test-fetch-models: FAIL: $*" >&2; exit 1; }
yunet=face_detection_yunet_2022mar.onnx

# A models folder that already has dlib's three models (so nothing is downloaded).
fresh() {
  rm -rf "$work/models"; mkdir -p "$work/models"
  for f in mmod_human_face_detector.dat shape_predictor_5_face_landmarks.dat dlib_face_recognition_resnet_model_v1.dat; do
    cp "$installed/$f" "$work/models/" || fail "the installed models lack $f (run scripts/fetch-models.sh)"
  done
}
run() { # expected-exit message-substring [env…]
  local want="$1" text="$2"; shift 2
  out="$(env "$@" ROLLCALL_MODELS_DIR="$work/models" bash "$script" 2>&1)"; rc=$?
  [ "$rc" -eq "$want" ] || fail "exit $rc, wanted $want; output:\n$out"
  grep -qF -- "$text" <<<"$out" || fail "output lacks '$text':\n$out"
}

# 1. Good mirror: YuNet installed and verified.
fresh
run 0 "all models present and verified" ROLLCALL_MODEL_MIRROR="$shared"
[ -f "$work/models/$yunet" ] || fail "YuNet was not installed"

# 2. Corrupt file in the mirror: refused, nothing left behind.
fresh
mkdir -p "$work/bad/yunet"; head -c 1000 /dev/urandom > "$work/bad/yunet/$yunet"
run 1 "checksum mismatch for $yunet" ROLLCALL_MODEL_MIRROR="$work/bad"
[ ! -e "$work/models/$yunet" ] && [ ! -e "$work/models/$yunet.part" ] || fail "a corrupt YuNet was left in the models folder"

# 3. Mirror without the file.
fresh
mkdir -p "$work/empty"
run 1 "ROLLCALL_MODEL_MIRROR is set but $work/empty/yunet/$yunet does not exist" ROLLCALL_MODEL_MIRROR="$work/empty"

# 4. A damaged dlib model and an unreachable Debian mirror: a clear network error,
#    the system's apt configuration untouched (the script uses a private one).
fresh
cp "$shared/yunet/$yunet" "$work/models/"
echo "damaged" > "$work/models/shape_predictor_5_face_landmarks.dat"
apt_lists() { find /var/lib/apt/lists -maxdepth 1 -type f ! -name lock -printf '%f %s\n' 2>/dev/null | sort | md5sum; }
apt_state="$(apt_lists)"
run 1 "apt-get update of the private deb-src list failed" ROLLCALL_DEBIAN_MIRROR=http://127.0.0.1:9/debian
[ "$apt_state" = "$(apt_lists)" ] || fail "the system's apt lists changed"

# 5. A models folder that cannot be created.
rm -rf "$work/models"; touch "$work/models"
run 1 "cannot create the models folder"

echo "test-fetch-models: ok"
