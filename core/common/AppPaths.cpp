#include "common/AppPaths.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace rollcall {
namespace {

QString g_dataOverride;
QString g_modelsOverride;

QString platformDataRoot()
{
    // GenericDataLocation keeps the path independent of the organisation name.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("rollcall"));
}

// A models folder set by whoever installed RollCall: the system configuration
// file's [paths] models_dir, else the folder compiled in at build time.
QString installedModelsDir()
{
    const QString config = AppPaths::systemConfigPath();
    if (!config.isEmpty() && QFileInfo(config).isFile()) {
        const QSettings settings(config, QSettings::IniFormat);
        const QString dir = settings.value(QStringLiteral("paths/models_dir")).toString().trimmed();
        if (!dir.isEmpty())
            return QDir(dir).absolutePath();
    }
    return QStringLiteral(ROLLCALL_DEFAULT_MODELS_DIR);
}

} // namespace

void AppPaths::setDataDirOverride(const QString &dir)
{
    g_dataOverride = dir;
}

void AppPaths::setModelsDirOverride(const QString &dir)
{
    g_modelsOverride = dir;
}

QString AppPaths::dataDir()
{
    if (!g_dataOverride.isEmpty())
        return QDir(g_dataOverride).absolutePath();
    const QString env = qEnvironmentVariable("ROLLCALL_DATA_DIR");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    return platformDataRoot();
}

QString AppPaths::modelsDir()
{
    if (!g_modelsOverride.isEmpty())
        return QDir(g_modelsOverride).absolutePath();
    const QString env = qEnvironmentVariable("ROLLCALL_MODELS_DIR");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    const QString installed = installedModelsDir();
    if (!installed.isEmpty())
        return installed;
    return QDir(platformDataRoot()).filePath(QStringLiteral("models"));
}

QString AppPaths::systemConfigPath()
{
    if (qEnvironmentVariableIsSet("ROLLCALL_SYSTEM_CONFIG"))
        return qEnvironmentVariable("ROLLCALL_SYSTEM_CONFIG");
    return QStringLiteral(ROLLCALL_SYSTEM_CONFIG);
}

QString AppPaths::logDir()
{
    return QDir(dataDir()).filePath(QStringLiteral("logs"));
}

QString AppPaths::databasePath()
{
    return QDir(dataDir()).filePath(QStringLiteral("rollcall.sqlite"));
}

QString AppPaths::photoStoreDir()
{
    return QDir(dataDir()).filePath(QStringLiteral("photos"));
}

QString AppPaths::settingsPath()
{
    return QDir(dataDir()).filePath(QStringLiteral("settings.ini"));
}

} // namespace rollcall
