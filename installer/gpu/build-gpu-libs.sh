#!/usr/bin/env bash
# Builds CUDA-enabled dlib and OpenCV (only the modules RollCall needs) into a
# private prefix, from the sources Debian distributes, for RollCall's GPU path:
#   cmake --preset gpu      (ROLLCALL_GPU_PREFIX=/opt/rollcall-gpu, ROLLCALL_WITH_CUDA=ON)
#
# Re-runnable: sources are downloaded once into the work folder and each library
# is rebuilt only when its stamp (version, CUDA architectures, patches) changed.
#
# Environment:
#   ROLLCALL_GPU_PREFIX   install prefix                      (default /opt/rollcall-gpu)
#   ROLLCALL_GPU_WORK     download/build folder               (default ~/.cache/rollcall-gpu)
#   ROLLCALL_CUDA_ARCHS   CUDA architectures, e.g. "7.5 9.0"  (default 7.5 plus the local GPU's, if any)
#   ROLLCALL_DLIB_SUITE   Debian suite for dlib               (default bookworm: 19.24)
#   ROLLCALL_OPENCV_SUITE Debian suite for OpenCV             (default trixie: 4.10 with its contrib tarball)
#   ROLLCALL_GPU_ONLY     "dlib" or "opencv" to build one of them
#   CUDA_HOME             CUDA toolkit                        (default /usr/local/cuda)
#   JOBS                  parallel compile jobs               (default nproc)
#
# Why these sources and patches:
# - dlib 19.24's CUDA self-test (dlib/cmake_utils/test_for_cuda, test_for_cudnn)
#   compiles for sm_50, which CUDA 13 no longer supports; the test then fails and
#   dlib silently builds WITHOUT CUDA. We point the self-tests at the first target
#   architecture. Its -std=c++11 is raised to c++17, which CUDA 13's headers need.
# - OpenCV 4.6 (bookworm) still uses CUDA texture references, removed in CUDA 12;
#   trixie's 4.10 does not. CUDA 13 removed a few cudaDeviceProp fields (clockRate,
#   memoryClockRate, kernelExecTimeoutEnabled, computeMode, …) that OpenCV's
#   DeviceInfo reads; the patch returns 0 / defaults for those on CUDA >= 13.
#   CUDA 13's Thrust/libcu++ need C++17, while OpenCV 4.10 asks nvcc for C++14,
#   so C++17 is passed explicitly. The toolkit here has no NPP libraries, which
#   only OpenCV's cudaarithm/cudaimgproc need, so missing ones are filtered out.
#   Debian's tarball drops 3rdparty/, so protobuf and the codecs come from the
#   system and the TFLite importer (flatbuffers) is off: RollCall reads ONNX only.
set -euo pipefail

PREFIX="${ROLLCALL_GPU_PREFIX:-/opt/rollcall-gpu}"
WORK="${ROLLCALL_GPU_WORK:-$HOME/.cache/rollcall-gpu}"
CUDA_HOME="${CUDA_HOME:-/usr/local/cuda}"
DLIB_SUITE="${ROLLCALL_DLIB_SUITE:-bookworm}"
OPENCV_SUITE="${ROLLCALL_OPENCV_SUITE:-trixie}"
JOBS="${JOBS:-$(nproc)}"
ONLY="${ROLLCALL_GPU_ONLY:-}"
MIRROR="${ROLLCALL_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

die() { echo "build-gpu-libs: ERROR: $*" >&2; exit 1; }
log() { echo "build-gpu-libs: $*"; }

[ -x "$CUDA_HOME/bin/nvcc" ] || die "nvcc not found in $CUDA_HOME/bin (install the CUDA toolkit or set CUDA_HOME)"
export PATH="$CUDA_HOME/bin:$PATH"
cuda_version="$(nvcc --version | sed -n 's/.*release \([0-9.]*\),.*/\1/p')"
[ -f "$CUDA_HOME/include/cudnn.h" ] || [ -f /usr/include/cudnn.h ] || die "cuDNN headers not found (cudnn.h)"

# CUDA architectures: 7.5 (GTX 1650, the lab PCs) plus whatever GPU is here.
archs="${ROLLCALL_CUDA_ARCHS:-7.5}"
if [ -z "${ROLLCALL_CUDA_ARCHS:-}" ] && command -v nvidia-smi >/dev/null 2>&1; then
  local_cc="$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader 2>/dev/null | head -n1 | tr -d ' ')"
  if [ -n "$local_cc" ] && [[ " $archs " != *" $local_cc "* ]]; then archs="$archs $local_cc"; fi
fi
first_arch="$(echo "$archs" | awk '{print $1}' | tr -d .)"
dlib_caps="$(echo "$archs" | tr ' ' ',')"
log "CUDA $cuda_version, architectures: $archs, prefix: $PREFIX"

mkdir -p "$WORK/src" "$PREFIX" 2>/dev/null || die "cannot create $WORK or $PREFIX (run as a user who can write there, or set ROLLCALL_GPU_PREFIX)"

# Build dependencies (Debian's source tarballs ship without OpenCV's 3rdparty/,
# so protobuf and the image codecs come from the system).
build_deps=(cmake ninja-build g++ dpkg-dev xz-utils libopenblas-pthread-dev liblapack-dev
            libprotobuf-dev protobuf-compiler libjpeg-dev libpng-dev libtiff-dev libwebp-dev zlib1g-dev)
missing=()
for p in "${build_deps[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" || die "cannot install ${missing[*]}"
fi

# Private apt state: the system's sources and lists are not touched.
fetch_source() { # suite package
  local suite="$1" pkg="$2" dir="$WORK/apt-$1"
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/sources"
  cat > "$dir/sources/rollcall-gpu.sources" <<SRC
Types: deb-src
URIs: $MIRROR
Suites: $suite
Components: main contrib
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  local opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$dir/sources"
              -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" -o "Debug::NoLocking=1"
              -o "APT::Sandbox::User=root")
  if [ ! -f "$dir/.updated" ]; then
    apt-get "${opts[@]}" -qq update || die "apt-get update for $suite deb-src failed"
    touch "$dir/.updated"
  fi
  mkdir -p "$WORK/src/$suite"
  if ! ls "$WORK/src/$suite/${pkg}"_*.orig.tar.* >/dev/null 2>&1; then
    # apt verifies each file against the signed Sources index. Some mirrors lack the
    # .dsc while serving the tarballs, so judge success by the tarballs themselves.
    (cd "$WORK/src/$suite" && apt-get "${opts[@]}" -qq source --download-only "$pkg") \
      || log "apt-get source $pkg ($suite) reported an error; checking what arrived"
  fi
  ls "$WORK/src/$suite/${pkg}"_*.orig.tar.* >/dev/null 2>&1 \
    || die "apt-get source --download-only $pkg ($suite) fetched no source tarball"
}

# ---------------------------------------------------------------- dlib
# RollCall's CMake compiles this list into the plugin, which then refuses GPUs
# older than every kernel (they would fail at the first launch).
write_dlib_archs() {
  mkdir -p "$PREFIX/share/rollcall-gpu"
  echo "$archs" > "$PREFIX/share/rollcall-gpu/dlib-cuda-archs"
}

build_dlib() {
  fetch_source "$DLIB_SUITE" dlib
  local tarball; tarball="$(ls "$WORK/src/$DLIB_SUITE"/dlib_*.orig.tar.* | head -n1)"
  local version; version="$(basename "$tarball" | sed 's/dlib_\(.*\)\.orig.*/\1/')"
  local stamp="dlib $version cuda $cuda_version archs $archs patch 2 static-pic"
  if [ "$(cat "$PREFIX/.dlib-stamp" 2>/dev/null)" = "$stamp" ]; then
    log "dlib $version already built for $archs (cached)"; write_dlib_archs; return
  fi
  local src="$WORK/build/dlib-src"
  rm -rf "$src" "$WORK/build/dlib-build"; mkdir -p "$src"
  tar -xf "$tarball" -C "$src" --strip-components=1
  for t in test_for_cuda test_for_cudnn; do
    sed -i "s/-arch=sm_50/-arch=sm_${first_arch}/; s/-std=c++11/-std=c++17/" "$src/dlib/cmake_utils/$t/CMakeLists.txt"
  done
  sed -i 's/list(APPEND CUDA_NVCC_FLAGS "-std=c++11")/list(APPEND CUDA_NVCC_FLAGS "-std=c++17")/' "$src/dlib/CMakeLists.txt"
  cmake -S "$src" -B "$WORK/build/dlib-build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" \
    -DBUILD_SHARED_LIBS=OFF -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DDLIB_USE_CUDA=ON -DDLIB_USE_CUDA_COMPUTE_CAPABILITIES="$(echo "$dlib_caps" | tr -d .)" \
    -DCUDA_TOOLKIT_ROOT_DIR="$CUDA_HOME" -DCUDNN_INCLUDE_DIR="$CUDA_HOME/include" \
    -DDLIB_NO_GUI_SUPPORT=ON -DDLIB_USE_BLAS=ON -DDLIB_USE_LAPACK=ON 2>&1 | tee "$WORK/build/dlib-configure.log"
  grep -q "DLIB WILL USE CUDA\|Enabling CUDA support for dlib" "$WORK/build/dlib-configure.log" \
    || die "dlib's configure did not enable CUDA; see $WORK/build/dlib-configure.log"
  cmake --build "$WORK/build/dlib-build" -j "$JOBS"
  rm -f "$PREFIX"/lib/libdlib.so*
  cmake --install "$WORK/build/dlib-build"
  grep -q "^#define DLIB_USE_CUDA" "$PREFIX/include/dlib/config.h" || die "installed dlib has no DLIB_USE_CUDA"
  echo "$stamp" > "$PREFIX/.dlib-stamp"
  write_dlib_archs
  log "dlib $version built with CUDA for $archs"
}

# ---------------------------------------------------------------- OpenCV
build_opencv() {
  fetch_source "$OPENCV_SUITE" opencv
  local tarball contrib
  tarball="$(ls "$WORK/src/$OPENCV_SUITE"/opencv_*.orig.tar.* | head -n1)"
  contrib="$(ls "$WORK/src/$OPENCV_SUITE"/opencv_*.orig-contrib.tar.* 2>/dev/null | head -n1)"
  [ -n "$contrib" ] || die "the $OPENCV_SUITE OpenCV source has no contrib tarball (needed for cudev)"
  local version; version="$(basename "$tarball" | sed 's/opencv_\(.*\)\.orig.*/\1/')"
  local stamp="opencv $version cuda $cuda_version archs $archs patch 5"
  if [ "$(cat "$PREFIX/.opencv-stamp" 2>/dev/null)" = "$stamp" ]; then
    log "OpenCV $version already built for $archs (cached)"; return
  fi
  local src="$WORK/build/opencv-src" csrc="$WORK/build/opencv-contrib"
  rm -rf "$src" "$csrc" "$WORK/build/opencv-build"; mkdir -p "$src" "$csrc"
  tar -xf "$tarball" -C "$src" --strip-components=1
  tar -xf "$contrib" -C "$csrc" --strip-components=1
  # CUDA 13 removed these cudaDeviceProp fields; OpenCV only reports them.
  local info="$src/modules/core/src/cuda_info.cpp"
  if [ "${cuda_version%%.*}" -ge 13 ] && [ -f "$info" ]; then
    for field in clockRate memoryClockRate kernelExecTimeoutEnabled computeMode maxTexture1DLinear deviceOverlap; do
      sed -i "s/deviceProps().get(device_id_)->${field}\b/0/g; s/prop\.${field}\b/0/g" "$info"
    done
  fi
  if [ ! -f "$CUDA_HOME/include/npp.h" ]; then
    python3 "$(dirname "$(readlink -f "$0")")/patch-opencv-no-npp.py" "$src" || die "cannot patch OpenCV for a toolkit without NPP"
  fi
  # The NPP libraries are an optional part of the toolkit that only OpenCV's
  # cudaarithm/cudaimgproc use; DNN's CUDA backend does not. Drop them if absent.
  sed -i 's/^  ocv_list_filterout(CUDA_npp_LIBRARY "nppicom")$/&\n  ocv_list_filterout(CUDA_npp_LIBRARY "NOTFOUND")/' \
    "$src/cmake/OpenCVDetectCUDA.cmake"
  cmake -S "$src" -B "$WORK/build/opencv-build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" \
    -DCMAKE_CXX_STANDARD=17 -DCUDA_NVCC_FLAGS="--std=c++17" \
    -DOPENCV_EXTRA_MODULES_PATH="$csrc/modules" \
    -DBUILD_LIST=core,imgproc,imgcodecs,dnn,objdetect,cudev \
    -DWITH_CUDA=ON -DWITH_CUDNN=ON -DOPENCV_DNN_CUDA=ON -DCUDA_ARCH_BIN="$archs" -DCUDA_ARCH_PTX="" \
    -DCUDA_TOOLKIT_ROOT_DIR="$CUDA_HOME" -DWITH_CUBLAS=ON -DCUDA_FAST_MATH=OFF \
    -DBUILD_TESTS=OFF -DBUILD_PERF_TESTS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_opencv_apps=OFF \
    -DBUILD_opencv_python3=OFF -DBUILD_JAVA=OFF -DWITH_QT=OFF -DWITH_GTK=OFF -DWITH_FFMPEG=OFF \
    -DWITH_GSTREAMER=OFF -DWITH_OPENCL=OFF -DWITH_VTK=OFF -DWITH_IPP=OFF -DWITH_ITT=OFF \
    -DBUILD_PROTOBUF=OFF -DPROTOBUF_UPDATE_FILES=ON -DWITH_OPENJPEG=OFF -DWITH_JASPER=OFF \
    -DWITH_OPENEXR=OFF -DWITH_ADE=OFF -DWITH_FLATBUFFERS=OFF -DWITH_NVCUVID=OFF -DWITH_NVCUVENC=OFF -DBUILD_ZLIB=OFF -DBUILD_JPEG=OFF -DBUILD_PNG=OFF -DBUILD_TIFF=OFF \
    -DBUILD_WEBP=OFF 2>&1 | tee "$WORK/build/opencv-configure.log"
  grep -q "NVIDIA CUDA:.*YES" "$WORK/build/opencv-configure.log" || die "OpenCV's configure did not enable CUDA"
  cmake --build "$WORK/build/opencv-build" -j "$JOBS"
  cmake --install "$WORK/build/opencv-build"
  echo "$stamp" > "$PREFIX/.opencv-stamp"
  log "OpenCV $version built with CUDA for $archs"
}

case "$ONLY" in
  dlib) build_dlib ;;
  opencv) build_opencv ;;
  "") build_dlib; build_opencv ;;
  *) die "ROLLCALL_GPU_ONLY must be dlib or opencv" ;;
esac

log "done. Versions and architectures:"
for stamp in "$PREFIX/.dlib-stamp" "$PREFIX/.opencv-stamp"; do
  if [ -f "$stamp" ]; then log "  $(cat "$stamp")"; fi
done
log "configure RollCall with: cmake --preset gpu  (or -DROLLCALL_GPU_PREFIX=$PREFIX -DROLLCALL_WITH_CUDA=ON)"
