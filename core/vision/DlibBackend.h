#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace rollcall {

// What runs dlib's two CNNs. The CPU backend is compiled into RollCall; the
// CUDA one lives in a plugin (rollcall_dlib_cuda) linked against its own,
// CUDA-built dlib, because a CUDA dlib cannot run at all without a GPU. This
// header is the plugin's whole interface, so it uses only the standard library
// and OpenCV: no Qt, no RollCall types, no exceptions across it.
class DlibBackend
{
public:
    enum class Failure { None, OutOfMemory, BadModel, BadInput, Other };

    struct Outcome
    {
        Failure failure = Failure::None;
        std::string message;
        bool ok() const { return failure == Failure::None; }
    };

    struct Detection
    {
        cv::Rect2f box;
        double confidence = 0.0;
    };

    virtual ~DlibBackend() = default;

    virtual Outcome loadDetector(const std::string &path) = 0;
    virtual Outcome loadEmbedder(const std::string &path) = 0;
    virtual bool hasDetector() const = 0;
    virtual bool hasEmbedder() const = 0;

    // One forward pass of the MMOD detector over 8-bit BGR images of one size.
    // pyramidLevels > 0 keeps only that many levels of dlib's image pyramid.
    virtual Outcome detect(const std::vector<cv::Mat> &images, double adjustThreshold, int pyramidLevels,
                           std::vector<std::vector<Detection>> *out)
        = 0;
    // One forward pass of the ResNet over 150×150 8-bit BGR chips: 128-d descriptors.
    virtual Outcome embed(const std::vector<cv::Mat> &chips, std::vector<std::vector<float>> *out) = 0;
};

// A GPU as the CUDA plugin reports it.
struct DlibBackendDevice
{
    char name[256] = {};
    std::size_t freeBytes = 0;
    std::size_t totalBytes = 0;
    int computeMajor = 0;
    int computeMinor = 0;
};

// The CUDA plugin's C entry points. The ABI number changes whenever this file
// does, so a stale plugin is refused instead of crashing.
inline constexpr int kDlibBackendAbi = 3;
extern "C" {
using RollCallDlibAbiFunction = int (*)();
// The compute capabilities the plugin's kernels were built for, e.g. "7.5 8.6",
// each with its PTX, so GPUs of that capability or newer can run them.
using RollCallDlibArchsFunction = const char *(*)();
// Number of CUDA devices (0 when the driver or the GPU is missing).
using RollCallDlibDeviceCountFunction = int (*)();
// Fills *out for device `index`; false when it cannot. freeBytes only when
// withFreeMemory: asking for it creates a CUDA context on that device.
using RollCallDlibDeviceInfoFunction = bool (*)(int index, bool withFreeMemory, DlibBackendDevice *out);
// A new backend on device `index`, owned by the caller; null on failure, with
// the reason in error (a buffer of errorSize bytes).
using RollCallDlibCreateFunction = DlibBackend *(*)(int index, char *error, std::size_t errorSize);
}

} // namespace rollcall
