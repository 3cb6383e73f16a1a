#!/usr/bin/env bash
# Installs the recognition models into the models folder
# (ROLLCALL_MODELS_DIR, default $XDG_DATA_HOME/rollcall/models), verifying SHA-256
# and skipping files that are already present and valid.
#
# dlib's models come from Debian's dlib source package, fetched with a private
# deb-src list and private apt state so the system's apt configuration is untouched.
# YuNet comes from ROLLCALL_MODEL_MIRROR (a folder with yunet/<file>) when set,
# else from the OpenCV model zoo.
set -euo pipefail

MODELS_DIR="${ROLLCALL_MODELS_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/rollcall/models}"
DEBIAN_MIRROR="${ROLLCALL_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DEBIAN_SUITE="${ROLLCALL_DEBIAN_SUITE:-bookworm}"
YUNET_URL="https://github.com/opencv/opencv_zoo/raw/main/models/face_detection_yunet/face_detection_yunet_2022mar.onnx"

# file  sha256
DLIB_MODELS=(
  "mmod_human_face_detector.dat be467b1a76f482693de3b0f6a1ff91d092319be71523d4d4b0628f6a53fcb87a"
  "shape_predictor_5_face_landmarks.dat c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888"
  "dlib_face_recognition_resnet_model_v1.dat 55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30"
)
DLIB_MODELS_TARBALL="dlib_19.24+dfsg.orig-dlib-models.tar.bz2"
DLIB_MODELS_TARBALL_SHA256="735a840226bbc6e7418b9c8796a979abf1c1cea04b4ee276ca890d8f571453a8"
YUNET_FILE="face_detection_yunet_2022mar.onnx"
YUNET_SHA256="50ef07f702a31741ca46a4c0d947773b64143b9362780237bf0d427d6c79bab7"

die() { echo "fetch-models: ERROR: $*" >&2; exit 1; }
log() { echo "fetch-models: $*"; }

valid() { # file sha256
  [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

mkdir -p "$MODELS_DIR" || die "cannot create the models folder $MODELS_DIR"
log "models folder: $MODELS_DIR"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- dlib models -------------------------------------------------------------
need_dlib=0
for entry in "${DLIB_MODELS[@]}"; do
  set -- $entry
  if valid "$MODELS_DIR/$1" "$2"; then log "ok       $1"; else need_dlib=1; fi
done

if [ "$need_dlib" -eq 1 ]; then
  command -v apt-get >/dev/null || die "apt-get is needed to fetch dlib's models from Debian's source package"
  command -v dpkg-source >/dev/null || die "dpkg-dev is needed (run scripts/install-deps.sh)"
  log "downloading Debian's dlib source package ($DEBIAN_SUITE) for its models"
  mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" "$work/apt/sources" "$work/src"
  cat > "$work/apt/sources/rollcall-dlib.sources" <<SRC
Types: deb-src
URIs: $DEBIAN_MIRROR
Suites: $DEBIAN_SUITE
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt_opts=(
    -o "Dir::Etc::SourceList=/dev/null"
    -o "Dir::Etc::SourceParts=$work/apt/sources"
    -o "Dir::State::Lists=$work/apt/lists"
    -o "Dir::Cache=$work/apt/cache"
    -o "Debug::NoLocking=1"
    -o "APT::Sandbox::User=root"
  )
  # --error-on=any: an unreachable mirror is only a warning otherwise, and the
  # download then fails with a misleading "put some deb-src URIs" message.
  apt-get "${apt_opts[@]}" -qq --error-on=any update \
    || die "apt-get update of the private deb-src list failed (network or mirror $DEBIAN_MIRROR)"
  (cd "$work/src" && apt-get "${apt_opts[@]}" -qq source --download-only dlib) \
    || die "apt-get source --download-only dlib failed"
  tarball="$work/src/$DLIB_MODELS_TARBALL"
  [ -f "$tarball" ] || die "the dlib source package has no $DLIB_MODELS_TARBALL (another dlib version?)"
  [ "$(sha256sum "$tarball" | cut -d' ' -f1)" = "$DLIB_MODELS_TARBALL_SHA256" ] \
    || die "checksum mismatch for $DLIB_MODELS_TARBALL"
  members=()
  for entry in "${DLIB_MODELS[@]}"; do
    set -- $entry
    members+=("dlib-models-19.24+dfsg/$1")
  done
  members+=("dlib-models-19.24+dfsg/LICENSE")
  tar -xjf "$tarball" -C "$work/src" "${members[@]}" || die "cannot extract the models from $DLIB_MODELS_TARBALL"
  for entry in "${DLIB_MODELS[@]}"; do
    set -- $entry
    valid "$MODELS_DIR/$1" "$2" && continue
    src="$work/src/dlib-models-19.24+dfsg/$1"
    valid "$src" "$2" || die "checksum mismatch for $1 from the dlib source package"
    install -m 0644 "$src" "$MODELS_DIR/$1.part" && mv -f "$MODELS_DIR/$1.part" "$MODELS_DIR/$1"
    log "installed $1"
  done
  install -m 0644 "$work/src/dlib-models-19.24+dfsg/LICENSE" "$MODELS_DIR/LICENSE.dlib-models"
fi

# --- YuNet -------------------------------------------------------------------
if valid "$MODELS_DIR/$YUNET_FILE" "$YUNET_SHA256"; then
  log "ok       $YUNET_FILE"
else
  tmp="$MODELS_DIR/$YUNET_FILE.part"
  if [ -n "${ROLLCALL_MODEL_MIRROR:-}" ]; then
    src="$ROLLCALL_MODEL_MIRROR/yunet/$YUNET_FILE"
    [ -f "$src" ] || die "ROLLCALL_MODEL_MIRROR is set but $src does not exist"
    install -m 0644 "$src" "$tmp" || die "cannot copy $src"
    [ -f "$ROLLCALL_MODEL_MIRROR/yunet/LICENSE.md" ] && install -m 0644 "$ROLLCALL_MODEL_MIRROR/yunet/LICENSE.md" "$MODELS_DIR/LICENSE.yunet.md"
  else
    command -v curl >/dev/null || die "curl is needed to download $YUNET_FILE"
    curl -fL --retry 3 -o "$tmp" "$YUNET_URL" || { rm -f "$tmp"; die "download of $YUNET_URL failed; set ROLLCALL_MODEL_MIRROR to a folder with yunet/$YUNET_FILE"; }
  fi
  valid "$tmp" "$YUNET_SHA256" || { rm -f "$tmp"; die "checksum mismatch for $YUNET_FILE"; }
  mv -f "$tmp" "$MODELS_DIR/$YUNET_FILE"
  log "installed $YUNET_FILE"
fi

log "all models present and verified in $MODELS_DIR"
