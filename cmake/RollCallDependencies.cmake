# Finds every library RollCall builds against; a missing one stops configuration
# with the Debian package that provides it.
set(ROLLCALL_GPU_PREFIX "" CACHE PATH "Prefix holding CUDA builds of dlib and OpenCV (installer/gpu/build-gpu-libs.sh)")

function(rollcall_require found what package)
    if(NOT ${found})
        message(FATAL_ERROR "RollCall needs ${what}. On Debian 12: sudo apt-get install ${package} "
                            "(or run scripts/install-deps.sh, which installs every dependency).")
    endif()
endfunction()

# A C library through pkg-config as PkgConfig::<prefix>; where there is no
# pkg-config (Windows/vcpkg), found directly by header and library name.
# Sets <prefix>_FOUND in the caller's scope.
macro(rollcall_find_c_library prefix module header)
    if(PkgConfig_FOUND)
        pkg_check_modules(${prefix} QUIET IMPORTED_TARGET ${module})
    endif()
    if(NOT ${prefix}_FOUND)
        find_path(${prefix}_INCLUDE_DIR ${header} ${ARGN})
        string(REGEX REPLACE "^lib" "" _rollcall_bare "${module}") # libexif is exif.lib or libexif.lib
        find_library(${prefix}_LIBRARY NAMES ${module} ${_rollcall_bare} lib${module})
        if(${prefix}_INCLUDE_DIR AND ${prefix}_LIBRARY)
            add_library(PkgConfig::${prefix} UNKNOWN IMPORTED)
            set_target_properties(PkgConfig::${prefix} PROPERTIES
                IMPORTED_LOCATION "${${prefix}_LIBRARY}" INTERFACE_INCLUDE_DIRECTORIES "${${prefix}_INCLUDE_DIR}")
            set(${prefix}_FOUND TRUE)
        endif()
    endif()
endmacro()

find_package(Qt6 6.4 QUIET COMPONENTS Core Gui Widgets Sql Network Concurrent Test)
rollcall_require(Qt6_FOUND "Qt 6.4 or later (Core, Gui, Widgets, Sql, Network, Concurrent, Test)" "qt6-base-dev")

find_package(Qt6 6.4 QUIET OPTIONAL_COMPONENTS Multimedia MultimediaWidgets Charts LinguistTools Svg HttpServer)
rollcall_require(Qt6Multimedia_FOUND "Qt Multimedia (webcam capture)" "qt6-multimedia-dev")
rollcall_require(Qt6MultimediaWidgets_FOUND "Qt Multimedia Widgets (webcam preview)" "qt6-multimedia-dev")
rollcall_require(Qt6Charts_FOUND "Qt Charts (attendance dashboard)" "qt6-charts-dev")
rollcall_require(Qt6Svg_FOUND "Qt SVG (toolbar icons)" "qt6-svg-dev")
rollcall_require(Qt6HttpServer_FOUND "Qt HTTP Server (photos from a phone)" "qt6-httpserver-dev")
rollcall_require(Qt6LinguistTools_FOUND "Qt Linguist tools (translations)" "qt6-tools-dev qt6-l10n-tools")

find_package(dlib 19.24 QUIET CONFIG)
rollcall_require(dlib_FOUND "dlib 19.24 (CNN face detector, landmarks, ResNet embeddings)" "libdlib-dev libopenblas0-pthread")
# rollcall_core needs a CPU dlib: a CUDA one cannot run without a GPU (it goes
# into the CUDA plugin instead). A build folder configured before the plugin
# existed may still point dlib_DIR at the GPU prefix.
get_target_property(_rollcall_dlib_includes dlib::dlib INTERFACE_INCLUDE_DIRECTORIES)
foreach(_dir IN LISTS _rollcall_dlib_includes)
    if(EXISTS "${_dir}/dlib/config.h")
        file(STRINGS "${_dir}/dlib/config.h" _rollcall_dlib_cuda_line REGEX "^#define DLIB_USE_CUDA")
        if(_rollcall_dlib_cuda_line)
            message(FATAL_ERROR "The dlib found for rollcall_core (${dlib_DIR}) is a CUDA build; RollCall needs the "
                                "system's CPU dlib there (libdlib-dev). Reconfigure with -Udlib_DIR.")
        endif()
        break()
    endif()
endforeach()

# With a GPU prefix, OpenCV comes from it (a CUDA OpenCV still runs on the CPU).
# dlib does not: a CUDA dlib cannot run without a GPU, so the system's dlib
# stays in rollcall_core and the prefix's goes only into the CUDA plugin
# (RollCallCuda.cmake, plugins/dlib-cuda).
if(ROLLCALL_GPU_PREFIX)
    find_package(OpenCV 4.5.4 QUIET COMPONENTS core imgproc imgcodecs dnn objdetect
                 PATHS "${ROLLCALL_GPU_PREFIX}/lib/cmake/opencv4" NO_DEFAULT_PATH)
else()
    find_package(OpenCV 4.5.4 QUIET COMPONENTS core imgproc imgcodecs dnn objdetect)
endif()
rollcall_require(OpenCV_FOUND "OpenCV 4.5.4 or later with core, imgproc, imgcodecs, dnn and objdetect" "libopencv-dev")

find_package(PkgConfig QUIET)
rollcall_find_c_library(XLSXWRITER xlsxwriter xlsxwriter.h)
rollcall_require(XLSXWRITER_FOUND "libxlsxwriter (Excel export)" "libxlsxwriter-dev pkg-config")

# Zip archives (reading .xlsx rosters) go through the system minizip, the same
# library libxlsxwriter writes .xlsx with. QuaZip must not be linked: its shared
# library exports its own, ABI-incompatible copy of minizip's C API (zipOpen,
# zipClose, unzOpen, …), and once it is loaded libxlsxwriter's zipOpen() binds to
# QuaZip's and crashes inside workbook_close() (see docs/reports.md).
rollcall_find_c_library(MINIZIP minizip unzip.h PATH_SUFFIXES minizip)
rollcall_require(MINIZIP_FOUND "minizip (reading .xlsx rosters)" "libminizip-dev pkg-config")

# EXIF capture times of classroom photos (core/vision/PhotoFingerprint).
rollcall_find_c_library(LIBEXIF libexif libexif/exif-data.h)
rollcall_require(LIBEXIF_FOUND "libexif (capture time of classroom photos)" "libexif-dev pkg-config")

# QR codes of the phone upload page (core/handoff/QrCode).
rollcall_find_c_library(QRENCODE libqrencode qrencode.h)
rollcall_require(QRENCODE_FOUND "libqrencode (QR code of the phone upload page)" "libqrencode-dev pkg-config")

find_package(Qt6Keychain QUIET)
rollcall_require(Qt6Keychain_FOUND "QtKeychain for Qt 6 (central database password)" "qtkeychain-qt6-dev")
