#!/usr/bin/env bash
# Installs every build, run and test dependency of RollCall on Debian 12.
# Idempotent: packages already present are skipped, `apt-get update` runs at most once.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates curl file
  dpkg-dev bzip2 xz-utils
  # fuzz harnesses (tests/fuzz): clang with libFuzzer, ASan and UBSan
  clang-14 libclang-rt-14-dev
  # Qt 6
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
  qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev libglx-dev libxkbcommon-dev
  qtkeychain-qt6-dev
  # vision: dlib on OpenBLAS (about 5x faster on CPU than the reference BLAS)
  libdlib-dev libopencv-dev libopenblas0-pthread libopenblas-pthread-dev
  # classroom photos' capture time (EXIF)
  libexif-dev
  # photos from a phone: the upload page's server and its QR code
  qt6-httpserver-dev qt6-websockets-dev libqrencode-dev # Qt HttpServer's CMake package needs WebSockets
  # reports
  libxlsxwriter-dev libminizip-dev
  # tests: central database server, headless X, reference readers and model generator
  postgresql openssl xvfb xauth python3 python3-numpy python3-onnx python3-openpyxl
  # benchmarks: the realistic classroom generator (bench/vision/sets)
  python3-opencv
  desktop-file-utils appstream
  # tests: the phone upload page in a real browser
  chromium chromium-driver python3-selenium
  # tests: print an exported register as a user would (XLSX -> PDF -> text)
  libreoffice-calc-nogui poppler-utils
  # icons: renders the application icon's PNG sizes (scripts/render-icons.sh)
  librsvg2-bin
  # a Devanagari font for the Hindi interface
  fonts-lohit-deva
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
