#include "vision/BuildInfo.h"

#include "vision/ComputeDevice.h"
#include "vision/DlibBackendLoader.h"

#include <dlib/revision.h>
#include <opencv2/core/version.hpp>

#include <QtGlobal>

namespace rollcall {

QString BuildInfo::version()
{
    return QStringLiteral(ROLLCALL_VERSION);
}

QString BuildInfo::qtVersion()
{
    return QString::fromLatin1(qVersion());
}

QString BuildInfo::openCvVersion()
{
    return QStringLiteral(CV_VERSION);
}

QString BuildInfo::dlibVersion()
{
    return QStringLiteral("%1.%2.%3").arg(DLIB_MAJOR_VERSION).arg(DLIB_MINOR_VERSION).arg(DLIB_PATCH_VERSION);
}

bool BuildInfo::cudaCompiledIn()
{
#ifdef ROLLCALL_CUDA_ENABLED
    return true;
#else
    return false;
#endif
}

QString BuildInfo::summary()
{
    const ComputeDevice device = ComputeDevice::current();
    QString text = QStringLiteral("RollCall %1\nQt %2\nOpenCV %3\ndlib %4\nCUDA support: %5\nCompute device: %6\n")
                       .arg(version(), qtVersion(), openCvVersion(), dlibVersion(),
                            cudaCompiledIn() ? QStringLiteral("yes") : QStringLiteral("no"), device.description());
    const DlibBackendLoader::PluginState plugin = DlibBackendLoader::pluginState();
    if (plugin.loaded)
        text += QStringLiteral("CUDA plugin: %1 (kernels for %2)\n").arg(plugin.path, plugin.archs);
    if (!device.isCuda())
        text += QStringLiteral("CPU because: %1\n").arg(ComputeDevice::cudaUnavailableReason());
    else if (ComputeDevice::openCvHasCuda())
        text += QStringLiteral("OpenCV DNN: cuda (ONNX embedders in %1)\n")
                    .arg(ComputeDevice::precisionName(ComputeDevice::cudaPrecision()));
    else // dlib on the GPU, YuNet and ONNX embedders on the CPU
        text += QStringLiteral("OpenCV DNN: cpu (%1)\n")
                    .arg(cudaCompiledIn() ? QStringLiteral("OpenCV sees no CUDA device")
                                          : QStringLiteral("this RollCall was built without CUDA"));
    return text;
}

} // namespace rollcall
