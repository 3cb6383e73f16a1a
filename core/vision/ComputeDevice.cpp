#include "vision/ComputeDevice.h"

#include <atomic>

#ifdef ROLLCALL_CUDA_ENABLED
#include <dlib/cuda/cuda_dlib.h>
#include <opencv2/core/cuda.hpp>
#endif

namespace rollcall {
namespace {

std::atomic<ComputeDevice::Preference> g_preference { ComputeDevice::Preference::Auto };

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

int ComputeDevice::cudaDeviceCount()
{
#ifdef ROLLCALL_CUDA_ENABLED
    try {
        const int dlibDevices = dlib::cuda::get_num_devices();
        const int cvDevices = cv::cuda::getCudaEnabledDeviceCount();
        return std::min(dlibDevices, cvDevices);
    } catch (...) {
        return 0;
    }
#else
    return 0;
#endif
}

ComputeDevice ComputeDevice::current()
{
    ComputeDevice device;
    if (preference() == Preference::Cpu || cudaDeviceCount() <= 0)
        return device;
#ifdef ROLLCALL_CUDA_ENABLED
    device.m_kind = Kind::Cuda;
    cv::cuda::DeviceInfo info(0);
    device.m_description = QStringLiteral("cuda (%1, %2 MiB)")
                               .arg(QString::fromLatin1(info.name()))
                               .arg(info.totalMemory() / (1024 * 1024));
#endif
    return device;
}

} // namespace rollcall
