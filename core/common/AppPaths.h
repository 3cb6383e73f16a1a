#pragma once

#include <QString>

namespace rollcall {

// Where RollCall keeps its data and models. Precedence: explicit option
// (--data-dir / --models-dir), then ROLLCALL_DATA_DIR / ROLLCALL_MODELS_DIR,
// then (models only) the installation's choice: [paths] models_dir in the
// system configuration file, else the folder compiled in with
// -DROLLCALL_DEFAULT_MODELS_DIR; last the platform's data folder
// ($XDG_DATA_HOME/rollcall on Linux). See docs/install.md.
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
    // The system configuration file (Linux: /etc/rollcall/rollcall.conf; empty
    // when the build has none), or ROLLCALL_SYSTEM_CONFIG when set.
    static QString systemConfigPath();
};

} // namespace rollcall
