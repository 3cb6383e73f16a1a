#include "vision/DlibBackendLoader.h"

#include "common/LogCategories.h"
#include "vision/DlibCnnBackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace rollcall {
namespace {

const QString kPluginName = QStringLiteral("rollcall_dlib_cuda");

struct Plugin
{
    bool attempted = false;
    DlibBackendLoader::PluginState state;
    RollCallDlibArchsFunction archs = nullptr;
    RollCallDlibDeviceCountFunction deviceCount = nullptr;
    RollCallDlibDeviceInfoFunction deviceInfo = nullptr;
    RollCallDlibCreateFunction create = nullptr;
    std::vector<int> usable; // CUDA indices of the GPUs the kernels run on
};

QMutex g_mutex;
Plugin g_plugin;

QString findPlugin(const QStringList &folders)
{
    for (const QString &folder : folders) {
        const QDir dir(folder);
        for (const QString &file :
             dir.entryList({ QStringLiteral("*") + kPluginName + QStringLiteral(".*") }, QDir::Files)) {
            if (QLibrary::isLibrary(file))
                return dir.absoluteFilePath(file);
        }
    }
    return {};
}

// Loads the plugin on first use; the library stays loaded for the process
// (dlib and the CUDA runtime keep global state that must not be unloaded).
Plugin &plugin()
{
    if (g_plugin.attempted)
        return g_plugin;
    g_plugin.attempted = true;
    DlibBackendLoader::PluginState &state = g_plugin.state;
    // The plugin cannot be used: CPU, with the reason (state.loaded stays false,
    // which every use of the entry points checks).
    const auto refuse = [&state](const QString &reason) -> Plugin & {
        state.reason = reason;
        qCWarning(lcVision).noquote() << "dlib backend: CPU;" << reason;
        return g_plugin;
    };
    const QStringList folders = DlibBackendLoader::searchPath();
    state.path = findPlugin(folders);
    if (state.path.isEmpty()) {
#ifdef ROLLCALL_CUDA_ENABLED
        state.reason = QStringLiteral("the CUDA plugin (%1) is not in %2").arg(kPluginName, folders.join(u", "));
#else
        state.reason = QStringLiteral("this RollCall was built without CUDA");
#endif
        qCDebug(lcVision) << "dlib backend: CPU;" << state.reason;
        return g_plugin;
    }
    auto *library = new QLibrary(state.path); // never deleted: see above
    library->setLoadHints(QLibrary::PreventUnloadHint);
    if (!library->load())
        return refuse(
            QStringLiteral("the CUDA plugin %1 cannot be loaded (%2)").arg(state.path, library->errorString()));
    const auto abi = reinterpret_cast<RollCallDlibAbiFunction>(library->resolve("rollcall_dlib_abi"));
    g_plugin.archs = reinterpret_cast<RollCallDlibArchsFunction>(library->resolve("rollcall_dlib_cuda_archs"));
    g_plugin.deviceCount
        = reinterpret_cast<RollCallDlibDeviceCountFunction>(library->resolve("rollcall_dlib_device_count"));
    g_plugin.deviceInfo
        = reinterpret_cast<RollCallDlibDeviceInfoFunction>(library->resolve("rollcall_dlib_device_info"));
    g_plugin.create = reinterpret_cast<RollCallDlibCreateFunction>(library->resolve("rollcall_dlib_create"));
    if (!abi || abi() != kDlibBackendAbi || !g_plugin.archs || !g_plugin.deviceCount || !g_plugin.deviceInfo
        || !g_plugin.create)
        return refuse(QStringLiteral("%1 is not a RollCall %2 plugin of this version (ABI %3)")
                          .arg(state.path, kPluginName)
                          .arg(kDlibBackendAbi));
    state.archs = QString::fromUtf8(g_plugin.archs()).simplified();
    const int lowest = DlibBackendLoader::lowestArch(state.archs);
    if (lowest == 0)
        return refuse(
            QStringLiteral("%1 names no CUDA architecture it was built for (\"%2\")").arg(state.path, state.archs));
    state.loaded = true;
    // A GPU older than every kernel in the plugin would fail at the first launch
    // ("no kernel image"); it counts as no GPU, so the CPU is used instead.
    QStringList tooOld;
    for (int i = 0, n = std::max(0, g_plugin.deviceCount()); i < n; ++i) {
        DlibBackendDevice device;
        if (!g_plugin.deviceInfo(i, false, &device))
            continue;
        device.name[sizeof(device.name) - 1] = '\0';
        if (device.computeMajor * 10 + device.computeMinor >= lowest)
            g_plugin.usable.push_back(i);
        else
            tooOld << QStringLiteral("%1 (sm_%2%3)")
                          .arg(QString::fromUtf8(device.name))
                          .arg(device.computeMajor)
                          .arg(device.computeMinor);
    }
    state.deviceCount = int(g_plugin.usable.size());
    if (state.deviceCount == 0 && !tooOld.isEmpty())
        state.reason = QStringLiteral("the GPU %1 is older than this build's CUDA kernels (%2, for sm_%3 and newer)")
                           .arg(tooOld.join(u", "), state.archs)
                           .arg(lowest);
    else if (state.deviceCount == 0)
        state.reason = QStringLiteral("no CUDA device or driver was found");
    qCDebug(lcVision).noquote() << "dlib CUDA plugin" << state.path << "loaded:" << state.deviceCount << "device(s)";
    return g_plugin;
}

} // namespace

QStringList DlibBackendLoader::searchPath()
{
    QStringList folders;
    // When set, only these folders: an empty one then means "no plugin" even
    // where one is installed beside the executable.
    if (qEnvironmentVariableIsSet("ROLLCALL_PLUGIN_DIR")) {
        const QString env = qEnvironmentVariable("ROLLCALL_PLUGIN_DIR");
        folders = env.split(QLatin1Char(':'), Qt::SkipEmptyParts);
        folders.removeDuplicates();
        return folders;
    }
    const QString appDir = QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
    if (!appDir.isEmpty()) {
        folders << QDir::cleanPath(appDir + QLatin1Char('/') + QStringLiteral(ROLLCALL_PLUGIN_RELDIR));
        folders << appDir + QStringLiteral("/plugins");
    }
    folders.removeDuplicates();
    return folders;
}

DlibBackendLoader::PluginState DlibBackendLoader::pluginState()
{
    QMutexLocker lock(&g_mutex);
    return plugin().state;
}

int DlibBackendLoader::cudaDeviceCount()
{
    return pluginState().deviceCount;
}

std::optional<DlibBackendDevice> DlibBackendLoader::cudaDevice(int index, bool withFreeMemory)
{
    QMutexLocker lock(&g_mutex);
    Plugin &p = plugin();
    if (!p.state.loaded || index < 0 || index >= p.state.deviceCount)
        return std::nullopt;
    DlibBackendDevice device;
    if (!p.deviceInfo(p.usable[size_t(index)], withFreeMemory, &device))
        return std::nullopt;
    device.name[sizeof(device.name) - 1] = '\0';
    return device;
}

std::unique_ptr<DlibBackend> DlibBackendLoader::createCpu()
{
    return std::make_unique<DlibCnnBackend>();
}

Result<std::unique_ptr<DlibBackend>> DlibBackendLoader::createCuda(int index)
{
    QMutexLocker lock(&g_mutex);
    Plugin &p = plugin();
    if (!p.state.loaded || index < 0 || index >= p.state.deviceCount)
        return Error::modelMissing(
            QStringLiteral("CUDA is not available: %1")
                .arg(p.state.reason.isEmpty() ? QStringLiteral("no such device") : p.state.reason));
    char error[512] = {};
    DlibBackend *backend = p.create(p.usable[size_t(index)], error, sizeof(error));
    if (!backend) {
        error[sizeof(error) - 1] = '\0';
        return Error::modelMissing(QStringLiteral("The CUDA plugin failed: %1").arg(QString::fromUtf8(error)));
    }
    return std::unique_ptr<DlibBackend>(backend);
}

int DlibBackendLoader::lowestArch(const QString &archs)
{
    int lowest = 0;
    for (const QString &arch : archs.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts)) {
        const QStringList parts = arch.split(QLatin1Char('.'));
        bool majorOk = false;
        bool minorOk = parts.size() == 2;
        const int major = parts.value(0).toInt(&majorOk);
        const int minor = minorOk ? parts.value(1).toInt(&minorOk) : 0;
        if (!majorOk || !minorOk || major <= 0 || minor < 0 || minor > 9)
            continue;
        const int value = major * 10 + minor;
        lowest = lowest == 0 ? value : std::min(lowest, value);
    }
    return lowest;
}

} // namespace rollcall
