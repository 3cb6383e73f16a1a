#pragma once

#include <QString>

namespace rollcall {

// Where RollCall keeps its data and models. Precedence: explicit option
// (--data-dir / --models-dir), then ROLLCALL_DATA_DIR / ROLLCALL_MODELS_DIR,
// then the platform's data folder ($XDG_DATA_HOME/rollcall on Linux).
class AppPaths
{
public:
    static void setDataDirOverride(const QString &dir);
    static void setModelsDirOverride(const QString &dir);

    static QString dataDir();
    static QString modelsDir();
    static QString logDir();
    static QString databasePath();
    static QString photoStoreDir();
    static QString settingsPath();
};

} // namespace rollcall
