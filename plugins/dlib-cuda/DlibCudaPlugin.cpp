// The CUDA plugin's entry points. Everything else in this module (dlib, built
// with CUDA and linked statically, and DlibCnnBackend compiled against it) is
// hidden, so it cannot clash with the system's CPU dlib in the same process.
#include "vision/DlibCnnBackend.h"

#include <cuda_runtime_api.h>
#include <dlib/cuda/cuda_dlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <exception>

#define ROLLCALL_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

using rollcall::DlibBackend;
using rollcall::DlibBackendDevice;

namespace {

void copyText(const char *text, char *out, std::size_t size)
{
    if (out && size > 0)
        std::snprintf(out, size, "%s", text);
}

} // namespace

ROLLCALL_PLUGIN_EXPORT int rollcall_dlib_abi()
{
    return rollcall::kDlibBackendAbi;
}

// From installer/gpu/build-gpu-libs.sh, through CMake: what dlib's kernels
// were compiled for (SASS and PTX for each).
ROLLCALL_PLUGIN_EXPORT const char *rollcall_dlib_cuda_archs()
{
    return ROLLCALL_DLIB_CUDA_ARCHS;
}

ROLLCALL_PLUGIN_EXPORT int rollcall_dlib_device_count()
{
    int count = 0;
    // No driver, an old driver or no GPU all come back as errors here.
    if (cudaGetDeviceCount(&count) != cudaSuccess) {
        cudaGetLastError();
        return 0;
    }
    return std::max(0, count);
}

ROLLCALL_PLUGIN_EXPORT bool rollcall_dlib_device_info(int index, bool withFreeMemory, DlibBackendDevice *out)
{
    if (!out)
        return false;
    cudaDeviceProp prop {};
    if (cudaGetDeviceProperties(&prop, index) != cudaSuccess) {
        cudaGetLastError();
        return false;
    }
    std::size_t freeBytes = 0;
    if (withFreeMemory) {
        int previous = 0;
        cudaGetDevice(&previous);
        std::size_t totalBytes = 0;
        if (cudaSetDevice(index) != cudaSuccess || cudaMemGetInfo(&freeBytes, &totalBytes) != cudaSuccess) {
            cudaGetLastError();
            freeBytes = 0;
        }
        cudaSetDevice(previous);
    }
    copyText(prop.name, out->name, sizeof(out->name));
    out->freeBytes = freeBytes;
    out->totalBytes = prop.totalGlobalMem;
    out->computeMajor = prop.major;
    out->computeMinor = prop.minor;
    return true;
}

ROLLCALL_PLUGIN_EXPORT DlibBackend *rollcall_dlib_create(int index, char *error, std::size_t errorSize)
{
    try {
        dlib::cuda::set_device(index);
        return new rollcall::DlibCnnBackend();
    } catch (const std::exception &e) {
        copyText(e.what(), error, errorSize);
    } catch (...) {
        copyText("unknown error", error, errorSize);
    }
    return nullptr;
}
