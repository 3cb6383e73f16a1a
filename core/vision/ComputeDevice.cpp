#include "vision/ComputeDevice.h"

#include "vision/DlibBackendLoader.h"

#include <algorithm>
#include <atomic>

#ifdef ROLLCALL_CUDA_ENABLED
#include <opencv2/core/cuda.hpp>
#endif

namespace rollcall {
namespace {

// A setting's starting value: the variable when it parses, the fallback otherwise.
template<typename T> T fromEnvironment(const char *name, T fallback, bool (*parse)(const QString &, T *))
{
    T value = fallback;
    const QString text = qEnvironmentVariable(name);
    if (!text.isEmpty())
        parse(text, &value);
    return value;
}

std::atomic<ComputeDevice::Preference> g_preference { fromEnvironment(
    "ROLLCALL_DEVICE", ComputeDevice::Preference::Auto, &ComputeDevice::parsePreference) };
std::atomic<ComputeDevice::Precision> g_precision { fromEnvironment(
    "ROLLCALL_CUDA_PRECISION", ComputeDevice::Precision::Half, &ComputeDevice::parsePrecision) };

} // namespace

ComputeDevice::Preference ComputeDevice::preference()
{
    return g_preference.load();
}

void ComputeDevice::setPreference(Preference preference)
{
    g_preference.store(preference);
}

bool ComputeDevice::parsePreference(const QString &text, Preference *out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("auto"))
        *out = Preference::Auto;
    else if (t == QLatin1String("cpu"))
        *out = Preference::Cpu;
    else if (t == QLatin1String("cuda") || t == QLatin1String("gpu"))
        *out = Preference::Cuda;
    else
        return false;
    return true;
}

ComputeDevice::Precision ComputeDevice::cudaPrecision()
{
    return g_precision.load();
}

void ComputeDevice::setCudaPrecision(Precision precision)
{
    g_precision.store(precision);
}

bool ComputeDevice::parsePrecision(const QString &text, Precision *out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("fp16") || t == QLatin1String("half"))
        *out = Precision::Half;
    else if (t == QLatin1String("fp32") || t == QLatin1String("single"))
        *out = Precision::Single;
    else
        return false;
    return true;
}

QString ComputeDevice::precisionName(Precision precision)
{
    return precision == Precision::Half ? QStringLiteral("fp16") : QStringLiteral("fp32");
}

int ComputeDevice::cudaDeviceCount()
{
    return DlibBackendLoader::cudaDeviceCount();
}

bool ComputeDevice::openCvHasCuda()
{
#ifdef ROLLCALL_CUDA_ENABLED
    static const bool available = [] {
        try {
            // isCompatible: OpenCV's kernels were built for this GPU (or PTX it can JIT).
            return cv::cuda::getCudaEnabledDeviceCount() > 0
                && cv::cuda::DeviceInfo(cv::cuda::getDevice()).isCompatible();
        } catch (...) {
            return false;
        }
    }();
    return available;
#else
    return false;
#endif
}

QString ComputeDevice::cudaUnavailableReason()
{
    if (preference() == Preference::Cpu)
        return QStringLiteral("the CPU was chosen (--device cpu)");
    return DlibBackendLoader::pluginState().reason;
}

std::size_t ComputeDevice::freeMemoryBytes()
{
    // Not current(): that would ask the plugin for the device twice per batch.
    if (preference() == Preference::Cpu || cudaDeviceCount() <= 0)
        return 0;
    const auto device = DlibBackendLoader::cudaDevice(0, true);
    return device ? device->freeBytes : 0;
}

bool ComputeDevice::cpuMayCure(const Error &gpuError)
{
    switch (gpuError.code()) {
    case Error::Code::BadInput:
    case Error::Code::Cancelled:
    case Error::Code::ModelMissing:
        return false;
    default:
        return true;
    }
}

ComputeDevice ComputeDevice::current()
{
    ComputeDevice device;
    if (preference() == Preference::Cpu || cudaDeviceCount() <= 0)
        return device;
    device.m_kind = Kind::Cuda;
    const auto info = DlibBackendLoader::cudaDevice(0);
    device.m_description = info ? QStringLiteral("cuda (%1, %2 MiB, sm_%3%4)")
                                      .arg(QString::fromUtf8(info->name))
                                      .arg(info->totalBytes / (1024 * 1024))
                                      .arg(info->computeMajor)
                                      .arg(info->computeMinor)
                                : QStringLiteral("cuda");
    return device;
}

} // namespace rollcall
