#include "common/AppPaths.h"

#include <QDir>
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
    return QDir(platformDataRoot()).filePath(QStringLiteral("models"));
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
