# Finds every library RollCall builds against; a missing one stops configuration
# with the Debian package that provides it.
set(ROLLCALL_GPU_PREFIX "" CACHE PATH "Prefix holding CUDA builds of dlib and OpenCV (installer/gpu/build-gpu-libs.sh)")

function(rollcall_require found what package)
    if(NOT ${found})
        message(FATAL_ERROR "RollCall needs ${what}. On Debian 12: sudo apt-get install ${package} "
                            "(or run scripts/install-deps.sh, which installs every dependency).")
    endif()
endfunction()

find_package(Qt6 6.4 QUIET COMPONENTS Core Gui Widgets Sql Network Concurrent Test)
rollcall_require(Qt6_FOUND "Qt 6.4 or later (Core, Gui, Widgets, Sql, Network, Concurrent, Test)" "qt6-base-dev")

find_package(Qt6 6.4 QUIET OPTIONAL_COMPONENTS Multimedia MultimediaWidgets Charts LinguistTools Svg)
rollcall_require(Qt6Multimedia_FOUND "Qt Multimedia (webcam capture)" "qt6-multimedia-dev")
rollcall_require(Qt6MultimediaWidgets_FOUND "Qt Multimedia Widgets (webcam preview)" "qt6-multimedia-dev")
rollcall_require(Qt6Charts_FOUND "Qt Charts (attendance dashboard)" "qt6-charts-dev")
rollcall_require(Qt6Svg_FOUND "Qt SVG (toolbar icons)" "qt6-svg-dev")
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
if(PkgConfig_FOUND)
    pkg_check_modules(XLSXWRITER QUIET IMPORTED_TARGET xlsxwriter)
endif()
if(NOT XLSXWRITER_FOUND)
    # Windows/vcpkg builds usually have no pkg-config: find the library directly.
    find_path(XLSXWRITER_INCLUDE_DIR xlsxwriter.h)
    find_library(XLSXWRITER_LIBRARY NAMES xlsxwriter)
    if(XLSXWRITER_INCLUDE_DIR AND XLSXWRITER_LIBRARY)
        add_library(PkgConfig::XLSXWRITER UNKNOWN IMPORTED)
        set_target_properties(PkgConfig::XLSXWRITER PROPERTIES
            IMPORTED_LOCATION "${XLSXWRITER_LIBRARY}" INTERFACE_INCLUDE_DIRECTORIES "${XLSXWRITER_INCLUDE_DIR}")
        set(XLSXWRITER_FOUND TRUE)
    endif()
endif()
rollcall_require(XLSXWRITER_FOUND "libxlsxwriter (Excel export)" "libxlsxwriter-dev pkg-config")

# Zip archives (reading .xlsx rosters) go through the system minizip, the same
# library libxlsxwriter writes .xlsx with. QuaZip must not be linked: its shared
# library exports its own, ABI-incompatible copy of minizip's C API (zipOpen,
# zipClose, unzOpen, …), and once it is loaded libxlsxwriter's zipOpen() binds to
# QuaZip's and crashes inside workbook_close() (see docs/reports.md).
if(PkgConfig_FOUND)
    pkg_check_modules(MINIZIP QUIET IMPORTED_TARGET minizip)
endif()
if(NOT MINIZIP_FOUND)
    # Without pkg-config (vcpkg's "minizip" port on Windows): find it directly.
    find_path(MINIZIP_INCLUDE_DIR unzip.h PATH_SUFFIXES minizip)
    find_library(MINIZIP_LIBRARY NAMES minizip)
    if(MINIZIP_INCLUDE_DIR AND MINIZIP_LIBRARY)
        add_library(PkgConfig::MINIZIP UNKNOWN IMPORTED)
        set_target_properties(PkgConfig::MINIZIP PROPERTIES
            IMPORTED_LOCATION "${MINIZIP_LIBRARY}" INTERFACE_INCLUDE_DIRECTORIES "${MINIZIP_INCLUDE_DIR}")
        set(MINIZIP_FOUND TRUE)
    endif()
endif()
rollcall_require(MINIZIP_FOUND "minizip (reading .xlsx rosters)" "libminizip-dev pkg-config")

# EXIF capture times of classroom photos (core/vision/PhotoFingerprint).
if(PkgConfig_FOUND)
    pkg_check_modules(LIBEXIF QUIET IMPORTED_TARGET libexif)
endif()
if(NOT LIBEXIF_FOUND)
    find_path(LIBEXIF_INCLUDE_DIR libexif/exif-data.h)
    find_library(LIBEXIF_LIBRARY NAMES exif libexif)
    if(LIBEXIF_INCLUDE_DIR AND LIBEXIF_LIBRARY)
        add_library(PkgConfig::LIBEXIF UNKNOWN IMPORTED)
        set_target_properties(PkgConfig::LIBEXIF PROPERTIES
            IMPORTED_LOCATION "${LIBEXIF_LIBRARY}" INTERFACE_INCLUDE_DIRECTORIES "${LIBEXIF_INCLUDE_DIR}")
        set(LIBEXIF_FOUND TRUE)
    endif()
endif()
rollcall_require(LIBEXIF_FOUND "libexif (capture time of classroom photos)" "libexif-dev pkg-config")

find_package(Qt6Keychain QUIET)
rollcall_require(Qt6Keychain_FOUND "QtKeychain for Qt 6 (central database password)" "qtkeychain-qt6-dev")
