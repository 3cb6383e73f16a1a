#pragma once

#include "common/Result.h"
#include "vision/DlibBackend.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace rollcall {

// Finds and loads the CUDA plugin (rollcall_dlib_cuda) once per process and
// hands out backends: the plugin's on a GPU, the built-in CPU one otherwise.
// A missing plugin, a missing driver or a GPU-less PC all mean "CPU", with the
// reason kept for --version and the logs. Thread-safe.
class DlibBackendLoader
{
public:
    struct PluginState
    {
        bool loaded = false;
        QString path; // the plugin file tried or loaded; empty when none was found
        QString reason; // why CUDA is not available; empty when it is
        int deviceCount = 0; // GPUs the plugin's kernels can run on
        QString archs; // what the plugin was built for, e.g. "7.5"
    };

    // Folders searched, in order: $ROLLCALL_PLUGIN_DIR (':'-separated) alone when
    // set; otherwise the installed plugin folder relative to the executable, then
    // <exe dir>/plugins.
    static QStringList searchPath();
    static PluginState pluginState();
    static int cudaDeviceCount();
    // Name, capability and total memory of a usable device, plus its free memory
    // when withFreeMemory (which creates a CUDA context on it); nullopt without
    // the plugin.
    static std::optional<DlibBackendDevice> cudaDevice(int index, bool withFreeMemory = false);

    static std::unique_ptr<DlibBackend> createCpu();
    static Result<std::unique_ptr<DlibBackend>> createCuda(int index);

    // Lowest compute capability (major*10+minor) in a list like "7.5 8.6"; 0 when
    // the list holds none. Kernels built with PTX for it run on that or newer.
    static int lowestArch(const QString &archs);
};

} // namespace rollcall
