# ROLLCALL_WITH_CUDA: AUTO turns CUDA on only when both dlib (DLIB_USE_CUDA) and
# OpenCV (the cudev module / HAVE_CUDA) were built with it; ON insists on it.
# The CUDA dlib is looked for only in ROLLCALL_GPU_PREFIX, built static and
# position-independent by installer/gpu/build-gpu-libs.sh, so the plugin can
# hide its symbols from the system's dlib that rollcall_core uses.
set(_rollcall_dlib_cuda OFF)
set(_rollcall_cuda_dlib_lib "${ROLLCALL_GPU_PREFIX}/lib/libdlib.a")
set(_rollcall_cuda_dlib_config "${ROLLCALL_GPU_PREFIX}/include/dlib/config.h")
if(ROLLCALL_GPU_PREFIX AND EXISTS "${_rollcall_cuda_dlib_lib}" AND EXISTS "${_rollcall_cuda_dlib_config}")
    file(STRINGS "${_rollcall_cuda_dlib_config}" _dlib_cuda_line REGEX "^#define DLIB_USE_CUDA")
    if(_dlib_cuda_line)
        set(_rollcall_dlib_cuda ON)
    endif()
endif()

set(_rollcall_opencv_cuda OFF)
if(OpenCV_CUDA_VERSION OR ";${OpenCV_LIB_COMPONENTS};" MATCHES ";opencv_cudev;")
    set(_rollcall_opencv_cuda ON)
endif()

if(ROLLCALL_WITH_CUDA STREQUAL "AUTO")
    if(_rollcall_dlib_cuda AND _rollcall_opencv_cuda)
        set(ROLLCALL_CUDA_ENABLED ON)
    else()
        set(ROLLCALL_CUDA_ENABLED OFF)
    endif()
elseif(ROLLCALL_WITH_CUDA)
    if(NOT (_rollcall_dlib_cuda AND _rollcall_opencv_cuda))
        message(FATAL_ERROR "ROLLCALL_WITH_CUDA=ON but dlib CUDA=${_rollcall_dlib_cuda} (needs ${_rollcall_cuda_dlib_lib}), "
                            "OpenCV CUDA=${_rollcall_opencv_cuda}. Build both with installer/gpu/build-gpu-libs.sh and pass -DROLLCALL_GPU_PREFIX=<prefix>.")
    endif()
    set(ROLLCALL_CUDA_ENABLED ON)
else()
    set(ROLLCALL_CUDA_ENABLED OFF)
endif()

if(ROLLCALL_CUDA_ENABLED)
    find_package(CUDAToolkit REQUIRED)
    find_package(Threads REQUIRED)
    # dlib's own link interface (CUDA libraries, cuDNN, BLAS, image codecs), as
    # its installed CMake file lists it; imported under our own name because
    # dlib::dlib already names the system's dlib.
    file(READ "${ROLLCALL_GPU_PREFIX}/lib/cmake/dlib/dlib.cmake" _dlib_export)
    string(REGEX MATCH "INTERFACE_LINK_LIBRARIES \"([^\"]*)\"" _dlib_link "${_dlib_export}")
    set(_dlib_link "${CMAKE_MATCH_1}")
    string(REGEX REPLACE "\\\\?\\$<LINK_ONLY:([^>]*)>" "\\1" _dlib_link "${_dlib_link}")
    add_library(rollcall_cuda_dlib STATIC IMPORTED)
    set_target_properties(rollcall_cuda_dlib PROPERTIES
        IMPORTED_LOCATION "${_rollcall_cuda_dlib_lib}"
        INTERFACE_INCLUDE_DIRECTORIES "${ROLLCALL_GPU_PREFIX}/include"
        INTERFACE_LINK_LIBRARIES "${_dlib_link}")
    add_library(RollCall::CudaDlib ALIAS rollcall_cuda_dlib)
    # The compute capabilities dlib's kernels were built for; the plugin reports
    # them so the loader can refuse a GPU too old for all of them.
    set(_archs_file "${ROLLCALL_GPU_PREFIX}/share/rollcall-gpu/dlib-cuda-archs")
    if(NOT EXISTS "${_archs_file}")
        message(FATAL_ERROR "${_archs_file} is missing: re-run installer/gpu/build-gpu-libs.sh (cached libraries are kept)")
    endif()
    file(STRINGS "${_archs_file}" ROLLCALL_DLIB_CUDA_ARCHS LIMIT_COUNT 1)
    string(STRIP "${ROLLCALL_DLIB_CUDA_ARCHS}" ROLLCALL_DLIB_CUDA_ARCHS)
    if(NOT ROLLCALL_DLIB_CUDA_ARCHS MATCHES "^[0-9]+\\.[0-9]")
        message(FATAL_ERROR "${_archs_file} holds no CUDA architectures: '${ROLLCALL_DLIB_CUDA_ARCHS}'")
    endif()
    message(STATUS "RollCall CUDA plugin kernels: ${ROLLCALL_DLIB_CUDA_ARCHS}")
endif()

set(ROLLCALL_CUDA_STATE "${ROLLCALL_CUDA_ENABLED} (option ${ROLLCALL_WITH_CUDA}; dlib CUDA ${_rollcall_dlib_cuda}, OpenCV CUDA ${_rollcall_opencv_cuda})")
message(STATUS "RollCall CUDA: ${ROLLCALL_CUDA_STATE}")

# A CUDA build's installed programs and plugin find OpenCV's CUDA build (and
# whatever else was linked from outside the system folders) where it was linked
# from: /opt/rollcall-gpu is not on the loader's default path.
function(rollcall_use_link_path_rpath target)
    if(ROLLCALL_CUDA_ENABLED)
        set_target_properties(${target} PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
    endif()
endfunction()
