// A stand-in for the CUDA plugin, for machines without a GPU (CI): the same
// C entry points, one "GPU" whose free memory comes from
// ROLLCALL_FAKE_GPU_FREE_MB (default 4096) and a compute capability from
// ROLLCALL_FAKE_GPU_CC (default 7.5), running dlib on the CPU, and
// failing any batch larger than ROLLCALL_FAKE_GPU_MAX_BATCH inputs (0: no
// limit) with an out-of-memory error, as a full GPU would. It exercises
// everything RollCall does with a real plugin: finding and loading it, device
// choice, batch sizing, out-of-memory retries and CPU/GPU agreement.
#include "BatchLimitedBackend.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

#define ROLLCALL_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

using rollcall::DlibBackend;
using rollcall::DlibBackendDevice;

namespace {

long envNumber(const char *name, long fallback)
{
    const char *value = std::getenv(name);
    return value && *value ? std::strtol(value, nullptr, 10) : fallback;
}

} // namespace

ROLLCALL_PLUGIN_EXPORT int rollcall_dlib_abi()
{
    return rollcall::kDlibBackendAbi;
}

// ROLLCALL_FAKE_GPU_ARCHS: what the "kernels" were built for (default 7.5).
ROLLCALL_PLUGIN_EXPORT const char *rollcall_dlib_cuda_archs()
{
    const char *archs = std::getenv("ROLLCALL_FAKE_GPU_ARCHS");
    return archs ? archs : "7.5";
}

ROLLCALL_PLUGIN_EXPORT int rollcall_dlib_device_count()
{
    return 1;
}

ROLLCALL_PLUGIN_EXPORT bool rollcall_dlib_device_info(int index, bool withFreeMemory, DlibBackendDevice *out)
{
    if (index != 0 || !out)
        return false;
    std::snprintf(out->name, sizeof(out->name), "%s", "RollCall fake GPU");
    out->totalBytes = std::size_t(8192) << 20;
    out->freeBytes = withFreeMemory ? std::size_t(envNumber("ROLLCALL_FAKE_GPU_FREE_MB", 4096)) << 20 : 0;
    // ROLLCALL_FAKE_GPU_CC: the "GPU's" compute capability (default 7.5, a GTX 1650).
    const char *cc = std::getenv("ROLLCALL_FAKE_GPU_CC");
    if (!cc || std::sscanf(cc, "%d.%d", &out->computeMajor, &out->computeMinor) != 2) {
        out->computeMajor = 7;
        out->computeMinor = 5;
    }
    return true;
}

ROLLCALL_PLUGIN_EXPORT DlibBackend *rollcall_dlib_create(int index, char *error, std::size_t errorSize)
{
    if (index != 0) {
        std::snprintf(error, errorSize, "no fake GPU %d", index);
        return nullptr;
    }
    // The variables are read on every pass, so a test can change them.
    // ROLLCALL_FAKE_GPU_FAIL: "oom" (not even one input fits) or "cudnn" (every
    // pass fails as a broken cuDNN would).
    return new rollcall::test::BatchLimitedBackend(
        [] {
            const char *fail = std::getenv("ROLLCALL_FAKE_GPU_FAIL");
            if (fail && std::strcmp(fail, "oom") == 0)
                return std::size_t(0);
            const long limit = envNumber("ROLLCALL_FAKE_GPU_MAX_BATCH", 0);
            return limit > 0 ? std::size_t(limit) : std::numeric_limits<std::size_t>::max();
        },
        nullptr,
        []() -> const char * {
            const char *fail = std::getenv("ROLLCALL_FAKE_GPU_FAIL");
            return fail && std::strcmp(fail, "cudnn") == 0 ? "cuDNN error: CUDNN_STATUS_EXECUTION_FAILED (test device)"
                                                           : nullptr;
        });
}
